namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class HexTests
{
    [Fact]
    public void Parses_both_digit_cases_and_the_empty_string()
    {
        Assert.Equal([0xab, 0xcd, 0x01], Hex.Parse("0xAbcD01"));
        Assert.Empty(Hex.Parse("0x"));
    }

    [Fact]
    public void Formats_lower_case_with_prefix()
    {
        Assert.Equal("0xabcd01", Hex.ToHex([0xab, 0xcd, 0x01]));
        Assert.Equal("0x", Hex.ToHex([]));
    }

    [Theory]
    [InlineData("0xAbcD01", 3, true)]
    [InlineData("0x", 0, true)]
    [InlineData("0xabcd01", 2, false)]
    [InlineData("0xabcd0", 3, false)]
    [InlineData("abcd0100", 3, false)]
    [InlineData("0Xabcd01", 3, false)]
    [InlineData("0xabcdzz", 3, false)]
    [InlineData(null, 0, false)]
    public void Checks_a_length_of_hex_as_parsing_would(string? input, int length, bool expected)
    {
        Assert.Equal(expected, Hex.IsHex(input, length));
        Assert.Equal(expected, Hex.TryParse(input, out var bytes) && bytes.Length == length);
    }

    [Theory]
    [InlineData("abcd", "must start with '0x'")]
    [InlineData("0Xabcd", "must start with '0x'")]
    [InlineData("0xabc", "odd number of digits")]
    [InlineData("0xabzz", "non-hex character 'z' at position 4")]
    [InlineData("0x 123", "non-hex character ' '")]
    [InlineData("", "must start with '0x'")]
    public void Rejects_malformed_hex_with_a_clear_message(string input, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Hex.Parse(input));
        Assert.Contains(expected, error.Message);
        Assert.False(Hex.TryParse(input, out _));
    }

    [Fact]
    public void Enforces_an_expected_length()
    {
        Assert.Equal(2, Hex.Parse("0x0102", 2).Length);
        Assert.Contains("Expected 3 bytes", Assert.Throws<FormatException>(() => Hex.Parse("0x0102", 3)).Message);
    }
}
