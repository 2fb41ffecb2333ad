using System.Net;
using DigestService.Tests.Support;

namespace DigestService.Tests.Web;

/// <summary>One inbox under many spellings is one subscriber: limits count the address mail is delivered to.</summary>
public class AddressSpellingTests : SiteTest
{
    // Every one of these is delivered to victim@example.org.
    private static readonly string[] Spellings =
    [
        "victim@example.org",
        "VICTIM@example.org",
        "Victim@Example.ORG",
        "\"victim\"@example.org",
        "\"VICTIM\"@EXAMPLE.ORG",
        "victim@ｅｘａｍｐｌｅ.ｏｒｇ",
        "victim@ⓔⓧⓐⓜⓟⓛⓔ.org",
        "victim@example\u3002org",
        "victim@Ｅxample.org",
        "  victim@example.org  ",
    ];

    [Fact]
    public async Task Ten_spellings_posted_twice_from_ten_clients_put_at_most_the_daily_confirmations_in_the_inbox()
    {
        // The first spelling is the one stored; later ones differ in ASCII case, which one record absorbs.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Spellings.Length; i++)
                Assert.Equal(HttpStatusCode.OK, (await SignUpFromAsync($"203.0.113.{i + 1}", Spellings[i])).Status);
        }

        var mail = await AllMailAfterStopAsync();
        Assert.Equal(3, mail.Count);
        // Each goes to the address as it was first stored, whatever spelling asked for it.
        Assert.All(mail, m => Assert.Equal("victim@example.org", m.To.Mailboxes.Single().Address));
        Assert.Equal(1, (await App.StatsAsync())["subscribers"]);
    }

    [Fact]
    public async Task Ten_spellings_differing_in_non_ASCII_case_from_ten_clients_are_one_subscriber_with_one_allowance()
    {
        string[] spellings =
        [
            "Äneas.Öl@example.org", "äneas.öl@example.org", "ÄNEAS.ÖL@example.org", "äneas.Öl@example.org", "Äneas.öl@EXAMPLE.org",
            "\"ÄNEAS.öl\"@example.org", "äNEAS.ÖL@Example.Org", "ÄnEaS.ÖL@example.org", "äneas.ÖL@ｅxample.org", " ÄNEAS.Öl@example.org ",
        ];
        for (var i = 0; i < spellings.Length; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignUpFromAsync($"198.51.100.{i + 1}", spellings[i])).Status);

        var mail = await AllMailAfterStopAsync();
        Assert.InRange(mail.Count, 1, 3);
        Assert.Equal(1, (await App.StatsAsync())["subscribers"]);
        Assert.Equal("äneas.öl@example.org", await QueryAsync<string>("SELECT email FROM subscribers"));
    }

    [Fact]
    public async Task The_ASCII_form_of_an_international_domain_is_the_same_person_as_its_Unicode_form()
    {
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync("user@xn--bcher-kva.de")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync("user@BÜCHER.de")).Status);

        Assert.Equal("user@bücher.de", await QueryAsync<string>("SELECT email FROM subscribers"));
        Assert.Equal(1, (await App.StatsAsync())["subscribers"]);
    }
}
