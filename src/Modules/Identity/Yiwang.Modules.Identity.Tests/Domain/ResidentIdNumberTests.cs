using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Identity.Tests.Domain;

public sealed class ResidentIdNumberTests
{
    private static Arbitrary<string> Bodies() =>
        Gen.Choose(0, 365 * 80).Select(d => "510107" + new DateOnly(1940, 1, 1).AddDays(d).ToString("yyyyMMdd") + "123").ToArbitrary();

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("511602199003071232")]
    public void Valid_numbers_pass(string number) => ResidentIdNumber.IsValid(number).ShouldBeTrue();

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110105194902300025")]
    [InlineData("11010519491231002")]
    [InlineData("A10105194912310021")]
    [InlineData(null)]
    public void Wrong_check_digits_dates_lengths_and_letters_fail(string? number) => ResidentIdNumber.IsValid(number).ShouldBeFalse();

    [Property(MaxTest = 300)]
    public Property A_body_with_its_check_character_is_valid_and_any_other_check_character_is_not() =>
        Prop.ForAll(Bodies(), body =>
        {
            var check = ResidentIdNumber.CheckCharacter(body);
            return ResidentIdNumber.IsValid(body + check) && "0123456789X".Where(c => c != check).All(c => !ResidentIdNumber.IsValid(body + c));
        });

    [Fact]
    public void Masking_keeps_only_the_first_and_last_character() =>
        ResidentIdNumber.Mask("11010519491231002X").ShouldBe("1****************X");
}
