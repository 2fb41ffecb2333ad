using DigestService.Config;
using DigestService.Delivery;
using DigestService.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Tests.Web;

/// <summary>Every email has its own Message-ID, however fast they go out; the pickup folder never loses one.</summary>
public class MessageIdTests : SiteTest
{
    [Fact]
    public async Task Confirmation_emails_sent_in_the_same_millisecond_have_different_Message_IDs()
    {
        // The clock stands still: every email below is sent at the same instant.
        for (var i = 0; i < 3; i++)
            await SignUpAsync("ada@example.org");

        var mail = await Smtp.WaitForAsync("ada@example.org", 3);

        Assert.Equal(3, mail.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mail, m => Assert.Matches(@"^confirm\.\d+\.[0-9a-f]{16}@", m.MessageId));
    }

    [Fact]
    public async Task The_pickup_folder_never_overwrites_a_file()
    {
        using var folder = new TestApp();
        var transport = new PickupDirectoryTransport(Options.Create(new SmtpOptions { PickupDirectory = folder.PickupDirectory }),
            new HostingEnvironment { ContentRootPath = folder.Directory });
        await using var connection = await transport.ConnectAsync(CancellationToken.None);

        // Two different emails under one Message-ID (a name a transport cannot trust to be unique).
        foreach (var subject in new[] { "first", "second" })
        {
            using var message = new MimeMessage { MessageId = "same@example.org", Subject = subject, Body = new TextPart("plain") { Text = subject } };
            message.From.Add(MailboxAddress.Parse("digest@example.org"));
            message.To.Add(MailboxAddress.Parse("ada@example.org"));
            await connection.SendAsync(message, CancellationToken.None);
        }

        var subjects = Directory.GetFiles(folder.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f).Subject).Order().ToList();
        Assert.Equal(["first", "second"], subjects);
    }
}
