using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Reference.Tests.Domain;

public sealed class UnifiedSocialCreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static Arbitrary<string> Bodies() =>
        Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), 17).Select(c => new string(c)).ToArbitrary();

    [Theory]
    [InlineData("11511301008778183N")]
    [InlineData("11511301008778220W")]
    [InlineData("115113010087783353")]
    public void Real_department_codes_are_valid(string code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("11511301008778183M")]
    [InlineData("1151130100877818")]
    [InlineData("11511301008778183NN")]
    [InlineData("I1511301008778183N")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_with_a_wrong_check_character_length_or_letter_are_invalid(string? code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeFalse();

    [Property(MaxTest = 500)]
    public Property A_body_with_its_computed_check_character_is_valid() =>
        Prop.ForAll(Bodies(), body => UnifiedSocialCreditCode.IsValid(body + UnifiedSocialCreditCode.CheckCharacter(body)));

    [Property(MaxTest = 500)]
    public Property Changing_any_one_character_is_detected() =>
        Prop.ForAll(Bodies(), Gen.Choose(0, 17).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (body, position, shift) =>
        {
            var code = (body + UnifiedSocialCreditCode.CheckCharacter(body)).ToCharArray();
            code[position] = Alphabet[(Alphabet.IndexOf(code[position]) + shift) % 31];
            return !UnifiedSocialCreditCode.IsValid(new string(code));
        });
}
