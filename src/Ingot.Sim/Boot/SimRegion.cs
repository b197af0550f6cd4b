using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>One Ingot region as simulated machines reach it: its loopback DHCP and TFTP ports and its HTTP (boot and metadata) address.</summary>
public sealed record SimRegion(IPEndPoint Dhcp, IPEndPoint Tftp, IPEndPoint Http);
