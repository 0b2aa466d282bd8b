using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Xunit;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences.Tests.Domain;

public sealed class LicenceIdentifierTests
{
    private const string Chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Fact]
    public void The_published_example_of_the_housing_ministry_has_the_check_character_we_compute()
    {
        // The example of the 住建部 access specification (GB/T 36904 identifier with ISO 7064 MOD 37,36).
        const string example = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";

        LicenceIdentifier.TryParse(example, out var parsed).ShouldBeTrue();
        parsed!.Value.ToString().ShouldBe(example);
    }

    [Fact]
    public void A_wrong_check_character_a_missing_root_or_a_malformed_part_is_refused()
    {
        LicenceIdentifier.TryParse("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V", out _).ShouldBeFalse();
        LicenceIdentifier.TryParse("1.2.156.3005.3.11100000000013338W011.11430000006122244L.20230000403.001.U", out _).ShouldBeFalse();
        LicenceIdentifier.TryParse("1.2.156.3005.2.11100000000013338W01.11430000006122244L.20230000403.001.U", out _).ShouldBeFalse();
        LicenceIdentifier.TryParse("1.2.156.3005.2.11100000000013338W011.11430000006122244L.2023000040x.001.U", out _).ShouldBeFalse();
        LicenceIdentifier.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Any_identifier_we_format_parses_back_and_any_single_changed_character_is_caught()
    {
        var code = Gen.Elements(Chars.ToCharArray());
        var identifiers =
            from type in Gen.ArrayOf(code, 18)
            from typeNumber in Gen.Choose(0, 999)
            from issuer in Gen.ArrayOf(code, 18)
            from serialLength in Gen.Choose(1, 32)
            from serial in Gen.ArrayOf(code, serialLength)
            from version in Gen.Choose(1, 999)
            select new LicenceIdentifier(new string(type) + typeNumber.ToString("D3"), new string(issuer), new string(serial), version);

        Prop.ForAll(identifiers.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Elements(Chars.ToCharArray()).ToArbitrary(), (id, at, replacement) =>
        {
            var text = id.ToString();
            var roundTrip = LicenceIdentifier.TryParse(text, out var parsed) && parsed == id;
            // Change one character of the coded part (not a dot, not the root) to another digit or letter.
            var positions = Enumerable.Range(LicenceIdentifier.Root.Length + 1, text.Length - LicenceIdentifier.Root.Length - 1).Where(i => text[i] != '.').ToList();
            var i = positions[at % positions.Count];
            var changed = text[i] == replacement ? true : !LicenceIdentifier.TryParse(text[..i] + replacement + text[(i + 1)..], out _);
            return roundTrip && changed;
        }).QuickCheckThrowOnFailure();
    }
}
