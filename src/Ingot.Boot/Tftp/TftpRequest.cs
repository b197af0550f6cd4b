namespace Ingot.Boot.Tftp;

/// <summary>
/// A read or write request (RFC 1350 §5): file name, transfer mode (lower case) and the options of
/// RFC 2347 in the order sent, names lower-cased (option names are case-insensitive).
/// </summary>
public sealed record TftpRequest(
    TftpOpcode Opcode,
    string Filename,
    string Mode,
    IReadOnlyList<KeyValuePair<string, string>> Options);
