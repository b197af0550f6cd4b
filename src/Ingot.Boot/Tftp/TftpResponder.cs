namespace Ingot.Boot.Tftp;

/// <summary>
/// Answers a datagram sent to the server port, pure: a read request for a served file starts a
/// transfer (with negotiated options); a write request is refused (the server is read-only); a request
/// for anything not on the allow-list gets File not found or Access violation; a mode other than
/// octet or netascii gets Illegal operation; anything else is malformed and dropped. Netascii files are
/// sent as stored (every file served is binary or already plain ASCII with LF, as pxelinux and iPXE read it).
/// </summary>
public static class TftpResponder
{
    public static TftpResponse Respond(ReadOnlySpan<byte> datagram, TftpFiles files, TftpLimits limits)
    {
        if (!TftpPacket.TryParseRequest(datagram, out TftpRequest? request))
        {
            return TftpResponse.Malformed;
        }

        if (request.Opcode == TftpOpcode.WriteRequest)
        {
            return Refuse(request, TftpErrorCode.AccessViolation, "Server is read-only");
        }

        if (request.Mode is not ("octet" or "netascii"))
        {
            return Refuse(request, TftpErrorCode.IllegalOperation, "Only octet and netascii modes");
        }

        TftpLookup lookup = files.Find(request.Filename);
        if (lookup.Content is not { } content)
        {
            return Refuse(request, lookup.Error, lookup.Message);
        }

        (TftpSettings settings, IReadOnlyList<string> acknowledged) = TftpNegotiation.Negotiate(request, content.Length, limits);
        return new TftpResponse(new TftpTransfer(content, settings, acknowledged), null, request.Filename);
    }

    private static TftpResponse Refuse(TftpRequest request, TftpErrorCode code, string message) =>
        new(null, TftpPacket.Error(code, message), request.Filename);
}
