namespace Blocktrack.Chain.Abi;

/// <summary>Parses human-readable signatures: <c>transfer(address,uint256)</c>,
/// <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>,
/// <c>function balanceOf(address) view returns (uint256)</c>.</summary>
internal sealed class AbiSignatureParser
{
    private static readonly HashSet<string> SkippedWords = ["memory", "calldata", "storage", "payable"];
    private static readonly HashSet<string> Modifiers = ["view", "pure", "payable", "nonpayable", "external", "public", "anonymous", "virtual", "override"];

    private readonly string _text;
    private int _pos;

    private AbiSignatureParser(string text) => _text = text ?? throw new ArgumentNullException(nameof(text));

    public static AbiType ParseType(string text)
    {
        var parser = new AbiSignatureParser(text);
        parser.SkipSpace();
        var type = parser.Type();
        parser.SkipSpace();
        parser.ExpectEnd();
        return type;
    }

    public static ParsedSignature ParseSignature(string text)
    {
        var parser = new AbiSignatureParser(text);
        parser.SkipSpace();
        var keyword = "";
        var name = parser.Identifier();
        if (name is "function" or "event" or "error" or "constructor")
        {
            keyword = name;
            parser.SkipSpace();
            name = parser.Peek() == '(' ? "" : parser.Identifier();
        }
        if (name.Length == 0 && keyword != "constructor")
            throw parser.Fail("a name");
        parser.SkipSpace();
        var inputs = parser.ParameterList();
        IReadOnlyList<AbiParameter> outputs = [];
        var modifiers = new List<string>();
        while (true)
        {
            parser.SkipSpace();
            if (parser.AtEnd)
                break;
            var word = parser.Identifier();
            if (word == "returns")
            {
                parser.SkipSpace();
                outputs = parser.ParameterList();
            }
            else if (Modifiers.Contains(word))
            {
                modifiers.Add(word);
            }
            else
            {
                throw new AbiException($"Unexpected '{word}' in signature '{text}'.");
            }
        }
        return new ParsedSignature(keyword, name, inputs, outputs, modifiers);
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => AtEnd ? '\0' : _text[_pos];

    private IReadOnlyList<AbiParameter> ParameterList()
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        SkipSpace();
        if (Peek() == ')')
        {
            _pos++;
            return parameters;
        }
        while (true)
        {
            SkipSpace();
            parameters.Add(Parameter());
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }
            Expect(')');
            return parameters;
        }
    }

    private AbiParameter Parameter()
    {
        var type = Type();
        var name = "";
        var indexed = false;
        while (true)
        {
            SkipSpace();
            if (!IsIdentifierChar(Peek()))
                break;
            var word = Identifier();
            if (word == "indexed")
                indexed = true;
            else if (SkippedWords.Contains(word))
                continue;
            else if (name.Length == 0)
                name = word;
            else
                throw new AbiException($"Unexpected '{word}' after parameter '{name}' in '{_text}'.");
        }
        return new AbiParameter(name, type, indexed);
    }

    private AbiType Type()
    {
        AbiType type;
        if (Peek() == '(')
        {
            type = AbiType.Tuple(ParameterList());
        }
        else
        {
            var word = Identifier();
            if (word == "tuple" && Peek() == '(')
                type = AbiType.Tuple(ParameterList());
            else
                type = Elementary(word);
        }
        while (Peek() == '[')
        {
            _pos++;
            var start = _pos;
            while (char.IsAsciiDigit(Peek()))
                _pos++;
            var digits = _text[start.._pos];
            Expect(']');
            type = digits.Length == 0
                ? AbiType.ArrayOf(type)
                : int.TryParse(digits, out var length) ? AbiType.FixedArrayOf(type, length) : throw new AbiException($"Array length '{digits}' is out of range.");
        }
        return type;
    }

    private static AbiType Elementary(string word)
    {
        switch (word)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "byte": return AbiType.FixedBytes(1);
            case "uint": return AbiType.UInt256;
            case "int": return AbiType.Int(256);
        }
        if (word.StartsWith("bytes", StringComparison.Ordinal) && TryNumber(word[5..], out var size))
            return AbiType.FixedBytes(size);
        if (word.StartsWith("uint", StringComparison.Ordinal) && TryNumber(word[4..], out var ubits))
            return AbiType.UInt(ubits);
        if (word.StartsWith("int", StringComparison.Ordinal) && TryNumber(word[3..], out var bits))
            return AbiType.Int(bits);
        throw new AbiException($"Unknown ABI type '{word}'.");
    }

    // Leading zeros ("uint0256") would make two spellings of one type, so the canonical digits only.
    private static bool TryNumber(string digits, out int value) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, null, out value) && value.ToString() == digits;

    private string Identifier()
    {
        var start = _pos;
        while (IsIdentifierChar(Peek()))
            _pos++;
        if (_pos == start)
            throw Fail("an identifier");
        return _text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
            _pos++;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Fail($"'{c}'");
        _pos++;
    }

    private void ExpectEnd()
    {
        if (!AtEnd)
            throw Fail("the end");
    }

    private AbiException Fail(string expected) =>
        new($"Expected {expected} at position {_pos} of '{Hex.Truncate(_text)}'.");
}
