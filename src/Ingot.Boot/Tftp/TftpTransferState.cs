namespace Ingot.Boot.Tftp;

/// <summary>Where a transfer is: still sending, every block acknowledged, or abandoned.</summary>
public enum TftpTransferState
{
    Sending,
    Complete,
    Failed,
}
