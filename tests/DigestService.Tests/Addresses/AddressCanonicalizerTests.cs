using DigestService.Addresses;

namespace DigestService.Tests.Addresses;

public class AddressCanonicalizerTests
{
    [Theory]
    [InlineData("ada@example.org", "ada@example.org")]
    [InlineData("  Ada.Lovelace+digest@Example.ORG ", "ada.lovelace+digest@example.org")]
    [InlineData("ÄNEAS.Öl@example.org", "äneas.öl@example.org")]
    [InlineData("\"ÉCOLE\"@example.org", "\u00e9cole@example.org")]
    [InlineData("user@bücher.de", "user@bücher.de")]
    [InlineData("user@xn--bcher-kva.de", "user@bücher.de")]
    [InlineData("user@XN--BCHER-KVA.DE", "user@bücher.de")]
    [InlineData("user@BÜCHER.de", "user@bücher.de")]
    [InlineData("\"victim\"@example.org", "victim@example.org")]
    [InlineData("\"vic\\tim\"@example.org", "victim@example.org")]
    [InlineData("victim@ｅｘａｍｐｌｅ.ｏｒｇ", "victim@example.org")]
    [InlineData("victim@ⓔⓧⓐⓜⓟⓛⓔ.org", "victim@example.org")]
    [InlineData("victim@example\u3002org", "victim@example.org")]
    [InlineData("jos\u0065\u0301@example.org", "jos\u00e9@example.org")]
    [InlineData("o'brien+news@sub.example.co.uk", "o'brien+news@sub.example.co.uk")]
    public void Every_spelling_of_an_address_becomes_its_one_canonical_form(string input, string expected)
    {
        Assert.Equal((expected, null), AddressCanonicalizer.Canonicalize(input));
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
    [InlineData("a@[127.0.0.1]", "domain literal")]
    [InlineData("a@[IPv6:::1]", "domain literal")]
    [InlineData("a@127.0.0.1", "not a number")]
    [InlineData("a@-example.org", "starts or ends with a hyphen")]
    [InlineData("a@example-.org", "starts or ends with a hyphen")]
    [InlineData("a@example.-org", "starts or ends with a hyphen")]
    [InlineData("a@example..org", "empty part")]
    [InlineData("a@example.org.", "empty part")]
    [InlineData("vic\u200Btim@example.org", "invisible or text-direction character (U+200B)")]
    [InlineData("victim@exam\u200Bple.org", "invisible or text-direction character (U+200B)")]
    [InlineData("victim@example.org\u202E", "invisible or text-direction character (U+202E)")]
    [InlineData("\u202Evictim@example.org", "invisible or text-direction character (U+202E)")]
    [InlineData("vic\u00ADtim@example.org", "invisible or text-direction character (U+00AD)")]
    [InlineData("victim@exam\u00ADple.org", "invisible or text-direction character (U+00AD)")]
    [InlineData("victim\uFEFF@example.org", "invisible or text-direction character (U+FEFF)")]
    [InlineData("victim@example.org\uFE0F", "invisible or text-direction character (U+FE0F)")]
    [InlineData("ｖｉｃｔｉｍ@example.org", "look-alike characters")]
    [InlineData("ⓥictim@example.org", "look-alike characters")]
    [InlineData("vic..tim@example.org", "the part before the @ may use")]
    [InlineData(".victim@example.org", "the part before the @ may use")]
    [InlineData("\"vic tim\"@example.org", "spaces")]
    [InlineData("\"vic(tim\"@example.org", "the part before the @ may use")]
    [InlineData("Victim <victim@example.org>", "spaces")]
    [InlineData("<victim@example.org>", "the part before the @ may use")]
    [InlineData("victim(comment)@example.org", "the part before the @ may use")]
    public void Bad_addresses_say_which_rule_failed(string input, string rule)
    {
        var (address, error) = AddressCanonicalizer.Canonicalize(input);

        Assert.Null(address);
        Assert.Contains(rule, error);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_as_broken_text()
    {
        // Not an [InlineData]: theory data would be serialised and the surrogate replaced on the way.
        Assert.Equal((null, "the email address contains a character that is not valid text"), AddressCanonicalizer.Canonicalize("vic\ud800tim@example.org"));
    }

    [Fact]
    public void A_local_part_over_64_octets_is_refused_counting_bytes_not_characters()
    {
        Assert.Equal(("a" + new string('b', 63) + "@example.org", null), AddressCanonicalizer.Canonicalize("a" + new string('b', 63) + "@example.org"));
        // 33 two-byte letters are 66 octets in UTF-8.
        Assert.Contains("longer than 64 bytes", AddressCanonicalizer.Canonicalize(new string('é', 33) + "@example.org").Error);
        Assert.Contains("longer than 64 bytes", AddressCanonicalizer.Canonicalize(new string('a', 65) + "@example.org").Error);
    }

    [Fact]
    public void A_domain_label_over_63_octets_is_refused()
    {
        Assert.NotNull(AddressCanonicalizer.Canonicalize($"a@{new string('b', 63)}.org").Address);
        Assert.Contains("longer than 63", AddressCanonicalizer.Canonicalize($"a@{new string('b', 64)}.org").Error);
        // Its ASCII (punycode) form is what counts: 60 umlauts are short in characters but not on the wire.
        Assert.Contains("longer than 63", AddressCanonicalizer.Canonicalize($"a@{new string('ü', 60)}.de").Error);
    }

    [Fact]
    public void Addresses_over_254_characters_are_refused()
    {
        var (address, error) = AddressCanonicalizer.Canonicalize(new string('a', 5000) + "@example.org");

        Assert.Null(address);
        Assert.Contains("longer than 254", error);
    }

    [Fact]
    public void The_canonical_form_is_a_fixed_point()
    {
        foreach (var input in new[] { "user@xn--bcher-kva.de", "\"victim\"@ｅｘａｍｐｌｅ.org", "jose\u0301@Example.org" })
        {
            var once = AddressCanonicalizer.Canonicalize(input).Address!;
            Assert.Equal((once, null), AddressCanonicalizer.Canonicalize(once));
        }
    }
}
