using System.Xml;
using System.Xml.XPath;
using Ingot.Core.Inventory;

namespace Ingot.Core.Tags;

/// <summary>
/// MAAS's <c>merge_details</c>: one XML document of a machine's details that tag definitions are
/// evaluated over. When the lshw XML is well-formed, its root element is the document's root (so
/// definitions written for plain lshw, like <c>//node[@id="cpu"]</c>, keep working); otherwise the
/// root is an empty <c>list</c>. Then each well-formed detail, in name order (<c>lldp</c>, then
/// <c>lshw</c>), is appended to the root with its unqualified elements moved into the namespace
/// named like the detail (<c>lldp:</c>, <c>lshw:</c>). A malformed detail, one nested deeper than
/// <see cref="MaxDepth"/> and one with a DTD are left out.
/// </summary>
public static class HardwareDetailsDocument
{
    /// <summary>The deepest nesting accepted; lshw's output nests a few dozen levels at most.</summary>
    public const int MaxDepth = 256;

    public static XPathNavigator Merge(HardwareDetails details)
    {
        var document = new XmlDocument { XmlResolver = null };
        XmlElement? lshw = Load(details.Lshw);
        XmlElement root = lshw is null ? document.CreateElement("list") : (XmlElement)document.ImportNode(lshw, deep: true);
        document.AppendChild(root);
        foreach ((string name, byte[]? xml) in new[] { (HardwareDetails.LldpName, details.Lldp), (HardwareDetails.LshwName, details.Lshw) })
        {
            if (Load(xml) is { } detail)
            {
                root.AppendChild(Qualified(document, detail, name));
            }
        }

        return document.CreateNavigator()!;
    }

    private static XmlElement? Load(byte[]? xml)
    {
        if (xml is null || xml.Length == 0)
        {
            return null;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 };
        try
        {
            if (!WithinDepth(xml, settings))
            {
                return null;
            }

            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var document = new XmlDocument { XmlResolver = null };
            document.Load(reader);
            return document.DocumentElement;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Whether the document nests at most <see cref="MaxDepth"/> deep (a first pass, so that deeper ones are refused before any recursion).</summary>
    private static bool WithinDepth(byte[] xml, XmlReaderSettings settings)
    {
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy of <paramref name="source"/> in <paramref name="document"/> with unqualified elements in namespace <paramref name="ns"/>.</summary>
    private static XmlElement Qualified(XmlDocument document, XmlElement source, string ns)
    {
        XmlElement copy = source.NamespaceURI.Length == 0
            ? document.CreateElement(ns, source.LocalName, ns)
            : document.CreateElement(source.Prefix, source.LocalName, source.NamespaceURI);
        foreach (XmlAttribute attribute in source.Attributes)
        {
            if (attribute.Prefix != "xmlns" && attribute.Name != "xmlns")
            {
                copy.SetAttributeNode((XmlAttribute)document.ImportNode(attribute, deep: true));
            }
        }

        foreach (XmlNode child in source.ChildNodes)
        {
            copy.AppendChild(child is XmlElement element ? Qualified(document, element, ns) : document.ImportNode(child, deep: true));
        }

        return copy;
    }
}
