using System.Xml;
using System.Xml.XPath;
using Ingot.Core.Forms;

namespace Ingot.Core.Tags;

/// <summary>
/// A tag's <c>definition</c>: an XPath 1.0 expression over a machine's merged hardware details
/// (<see cref="HardwareDetailsDocument"/>), with the <c>lshw</c> and <c>lldp</c> prefixes bound to
/// their namespaces as MAAS's <c>tag_nsmap</c> binds them. Checked as MAAS's <c>TagForm</c> checks it
/// (400 <c>{"definition": ["Invalid xpath expression: ..."]}</c>); a machine matches when the
/// expression's value is true as XPath's <c>boolean()</c> sees it (a non-empty node-set, a true
/// boolean, a non-zero number, a non-empty string), and an expression that fails on a document
/// (an unknown prefix or function) does not match, as MAAS's <c>try_match_xpath</c> has it.
/// </summary>
public sealed class TagDefinition
{
    private static readonly XmlNamespaceManager s_namespaces = CreateNamespaces();
    private readonly XPathExpression _expression;

    private TagDefinition(string text, XPathExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    public string Text { get; }

    /// <summary>The compiled definition; MAAS's 400 field error for one that is not XPath.</summary>
    public static TagDefinition Compile(string definition)
    {
        try
        {
            return new TagDefinition(definition, XPathExpression.Compile(definition));
        }
        catch (XPathException e)
        {
            throw FormErrors.OnField("definition", $"Invalid xpath expression: {e.Message}");
        }
    }

    /// <summary>Throws MAAS's field error when a non-empty definition is not XPath.</summary>
    public static void Check(string? definition)
    {
        if (!string.IsNullOrEmpty(definition))
        {
            _ = Compile(definition);
        }
    }

    public bool Matches(XPathNavigator document)
    {
        XPathExpression expression = _expression.Clone();
        try
        {
            expression.SetContext(s_namespaces);
            object result = document.Evaluate(expression);
            return result switch
            {
                XPathNodeIterator nodes => nodes.MoveNext(),
                bool b => b,
                double d => d != 0 && !double.IsNaN(d),
                string s => s.Length > 0,
                _ => false,
            };
        }
        catch (XPathException)
        {
            return false;
        }
    }

    private static XmlNamespaceManager CreateNamespaces()
    {
        var manager = new XmlNamespaceManager(new NameTable());
        manager.AddNamespace("lldp", "lldp");
        manager.AddNamespace("lshw", "lshw");
        return manager;
    }
}
