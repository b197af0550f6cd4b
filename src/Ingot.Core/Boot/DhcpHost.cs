using System.Net;
using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>A fixed address for one MAC (a machine's static or auto link, or a reservation).</summary>
public sealed record DhcpHost(MacAddress Mac, IPAddress Address, string Hostname);
