using DigestService.Addresses;

namespace DigestService.Tests.Addresses;

public class AddressValidatorTests
{
    [Theory]
    [InlineData("ada@example.org", "ada@example.org")]
    [InlineData("  Ada.Lovelace+digest@Example.ORG ", "Ada.Lovelace+digest@example.org")]
    public void Good_addresses_are_normalised(string input, string expected)
    {
        Assert.Equal((expected, null), AddressValidator.Validate(input));
    }

    [Theory]
    [InlineData("ada@", "no domain")]
    [InlineData("ada", "no @")]
    [InlineData("ada@example.org\r\nBcc: victim@example.org", "line break")]
    [InlineData("ada@example.org\nX: y", "line break")]
    [InlineData("ada@localhost", "full domain name")]
    [InlineData("", "empty")]
    [InlineData("a b@example.org", "spaces")]
    [InlineData("@example.org", "nothing before")]
    public void Bad_addresses_say_which_rule_failed(string input, string rule)
    {
        var (address, error) = AddressValidator.Validate(input);

        Assert.Null(address);
        Assert.Contains(rule, error);
    }

    [Fact]
    public void Addresses_over_254_characters_are_refused()
    {
        var (address, error) = AddressValidator.Validate(new string('a', 5000) + "@example.org");

        Assert.Null(address);
        Assert.Contains("longer than 254", error);
    }
}
