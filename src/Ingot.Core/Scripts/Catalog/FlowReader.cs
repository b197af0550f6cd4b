using System.Text.Json.Nodes;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>The flow part of <see cref="HeaderYaml"/>: <c>[a, b]</c>, <c>{k: v}</c> (nested) and scalars on one line.</summary>
internal sealed class FlowReader
{
    private readonly string _text;
    private readonly int _line;
    private int _pos;

    private FlowReader(string text, int line)
    {
        _text = text;
        _line = line;
    }

    /// <summary>A value written on one line after a key or dash.</summary>
    public static JsonNode? Value(string text, int line)
    {
        if (text.Length == 0 || text[0] is not '[' and not '{')
        {
            return HeaderYaml.Scalar(text);
        }

        var reader = new FlowReader(text, line);
        JsonNode? node = reader.ReadNode();
        reader.SkipSpaces();
        return reader._pos == text.Length ? node : throw reader.Error("unexpected text after a flow collection");
    }

    private JsonNode? ReadNode()
    {
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of a flow collection");
        }

        return _text[_pos] switch
        {
            '[' => ReadSequence(),
            '{' => ReadMapping(),
            _ => HeaderYaml.Scalar(ReadScalarText(inMapping: false)),
        };
    }

    private JsonArray ReadSequence()
    {
        _pos++;
        var array = new JsonArray();
        while (true)
        {
            SkipSpaces();
            if (Peek() == ']')
            {
                _pos++;
                return array;
            }

            array.Add(ReadNode());
            SkipSpaces();
            char c = Peek();
            _pos++;
            if (c == ']')
            {
                return array;
            }

            if (c != ',')
            {
                throw Error("expected ',' or ']' in a flow sequence");
            }
        }
    }

    private JsonObject ReadMapping()
    {
        _pos++;
        var map = new JsonObject();
        while (true)
        {
            SkipSpaces();
            if (Peek() == '}')
            {
                _pos++;
                return map;
            }

            string key = HeaderYaml.Scalar(ReadScalarText(inMapping: true))?.ToString() ?? "null";
            SkipSpaces();
            JsonNode? value = null;
            if (Peek() == ':')
            {
                _pos++;
                SkipSpaces();
                value = Peek() is ',' or '}' ? null : ReadNode();
            }

            if (!map.TryAdd(key, value))
            {
                throw Error($"found duplicate key '{key}'");
            }

            SkipSpaces();
            char c = Peek();
            _pos++;
            if (c == '}')
            {
                return map;
            }

            if (c != ',')
            {
                throw Error("expected ',' or '}' in a flow mapping");
            }
        }
    }

    private string ReadScalarText(bool inMapping)
    {
        int start = _pos;
        char first = Peek();
        if (first is '"' or '\'')
        {
            _pos++;
            while (_pos < _text.Length && _text[_pos] != first)
            {
                _pos += _text[_pos] == '\\' && first == '"' ? 2 : 1;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated quoted scalar");
            }

            _pos++;
            return _text[start.._pos];
        }

        while (_pos < _text.Length && _text[_pos] is not ',' and not ']' and not '}'
               && !(inMapping && _text[_pos] == ':' && (_pos + 1 == _text.Length || _text[_pos + 1] is ' ' or ',' or '}')))
        {
            _pos++;
        }

        return _text[start.._pos].Trim();
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : throw Error("unexpected end of a flow collection");

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private FormatException Error(string message) => new($"{message} (line {_line}, column {_pos + 1})");
}
