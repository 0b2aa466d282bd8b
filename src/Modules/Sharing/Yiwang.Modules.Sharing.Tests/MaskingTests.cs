using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData(ItemType.IdNumber, "51160219900307123X", "5****************X")]
    [InlineData(ItemType.Phone, "13912345678", "139****5678")]
    [InlineData(ItemType.PersonName, "王小明", "王**")]
    [InlineData(ItemType.PersonName, "王", "*")]
    [InlineData(ItemType.CreditCode, "91511602MA62ABCD1G", "91**************1G")]
    [InlineData(ItemType.Text, "广安区某路1号", "广*****号")]
    public void A_sensitive_value_keeps_only_what_lets_a_consumer_match_it(ItemType type, string value, string masked) =>
        Masking.Mask(type, value).ShouldBe(masked);

    [Fact]
    public void An_empty_value_stays_empty() => Masking.Mask(ItemType.PersonName, "").ShouldBe("");
}
