using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DigestService.Papers;

namespace DigestService.Feed;

/// <summary>XML loading and reading shared by the Atom and RSS parsers.</summary>
public static class FeedXml
{
    /// <summary>Loads the document (DTDs refused, so no entity expansion tricks) or says in one line why it is not XML.</summary>
    public static XElement Root(string xml, XName expected, string feedName)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"the answer is not valid XML ({e.Message.TrimEnd('.')})", e);
        }
        var root = document.Root!;
        if (root.Name != expected)
            throw new FeedFormatException($"expected {feedName} but the document is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'");
        return root;
    }

    /// <summary>The element's text with arXiv's hard wraps collapsed; empty when the element is missing.</summary>
    public static string Value(XElement parent, XName name) => Text.CollapseWhitespace(parent.Element(name)?.Value);

    public static DateTimeOffset? Instant(XElement parent, XName name) =>
        DateTimeOffset.TryParse(parent.Element(name)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
