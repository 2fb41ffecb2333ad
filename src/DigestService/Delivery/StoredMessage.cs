using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// A message as the outbox stores it, sent byte for byte: only its header block is parsed (MailKit takes the envelope
/// from From and To), and writing it copies the stored bytes. Parsing a whole 28 KB message and formatting it again
/// would cost more than the connection does, and a DKIM signature stays valid because nothing is re-encoded.
/// </summary>
public sealed class StoredMessage : MimeMessage
{
    private StoredMessage(IEnumerable<Header> headers, StoredBody body, long size)
        : base([.. headers, body])
    {
        Size = size;
    }

    /// <summary>The size on the wire, for SIZE=.</summary>
    public long Size { get; }

    /// <summary>
    /// Reads the headers of <paramref name="stored"/>. Messages are stored with CRLF line ends, as SMTP sends them;
    /// one stored with LF (before they were) is converted once here, and a missing final line end is added, as
    /// MailKit would add it.
    /// </summary>
    public static StoredMessage Parse(byte[] stored)
    {
        var bytes = WithCrLf(stored);
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var bodyStart = headerEnd < 0 ? bytes.Length : headerEnd + 4;
        using var head = new MemoryStream(bytes, 0, bodyStart, writable: false);
        var headers = HeaderList.Load(ParserOptions.Default, head);
        // MimeKit keeps the Content-* headers of a message with its body; it writes both sets back in the stored order.
        static bool OfBody(Header header) => header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);
        return new StoredMessage(headers.Where(h => !OfBody(h)), new StoredBody(headers.Where(OfBody), bytes.AsMemory(bodyStart)), bytes.Length);
    }

    /// <summary>Stored messages were prepared for a 7-bit transport (and signed) when they were rendered.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    private static byte[] WithCrLf(byte[] stored)
    {
        var bareLf = stored.AsSpan().Count((byte)'\n') - stored.AsSpan().Count("\r\n"u8);
        var endsInLf = stored.Length > 0 && stored[^1] == '\n';
        if (bareLf == 0 && endsInLf)
            return stored;
        var bytes = new List<byte>(stored.Length + bareLf + 2);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '\n' && (i == 0 || stored[i - 1] != '\r'))
                bytes.Add((byte)'\r');
            bytes.Add(stored[i]);
        }
        if (!endsInLf)
            bytes.AddRange("\r\n"u8);
        return [.. bytes];
    }

    /// <summary>
    /// Everything after the header block, written as stored, with the stored Content-* headers: all headers are
    /// written as they were read, in their order and folding.
    /// </summary>
    private sealed class StoredBody : MimeEntity
    {
        private readonly ReadOnlyMemory<byte> _content;

        public StoredBody(IEnumerable<Header> headers, ReadOnlyMemory<byte> content)
            : base(new ContentType("application", "octet-stream"))
        {
            _content = content;
            Headers.Clear();
            foreach (var header in headers)
                Headers.Add(header);
        }

        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default) =>
            stream.Write(_content.Span);

        public override Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default) =>
            stream.WriteAsync(_content, cancellationToken).AsTask();
    }
}
