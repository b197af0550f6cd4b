namespace Ingot.Boot.Tftp;

/// <summary>TFTP error codes: RFC 1350 appendix (0–7) and RFC 2347 (8, option negotiation refused).</summary>
public enum TftpErrorCode : ushort
{
    NotDefined = 0,
    FileNotFound = 1,
    AccessViolation = 2,
    DiskFull = 3,
    IllegalOperation = 4,
    UnknownTransferId = 5,
    FileExists = 6,
    NoSuchUser = 7,
    OptionRefused = 8,
}
