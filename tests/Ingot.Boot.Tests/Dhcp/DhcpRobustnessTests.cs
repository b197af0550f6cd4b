using System.Net;
using CsCheck;
using Ingot.Boot.Dhcp;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>Random bytes and mutated real packets: the codec and the responders never throw.</summary>
public sealed class DhcpRobustnessTests
{
    private const int Iterations = 3000;

    [Fact]
    public void Random_bytes_never_make_the_codec_throw_and_a_failure_always_says_why()
    {
        Gen.Byte.Array[0, 700].Sample(
            bytes =>
            {
                DhcpParseResult result = DhcpCodec.Parse(bytes);
                return (result.Packet is null) == (result.Error != DhcpParseError.None);
            },
            iter: Iterations);
    }

    [Fact]
    public void Mutated_real_packets_parse_or_fail_cleanly_and_every_parsed_one_is_answered_and_written_without_throwing()
    {
        byte[][] seeds = [GoldenPackets.UdhcpcDiscover, GoldenPackets.IpxeBiosDiscover, GoldenPackets.UefiPxeDiscover];
        Gen<(int Seed, (int At, byte Value)[] Changes, int Cut)> mutations = Gen.Select(
            Gen.Int[0, seeds.Length - 1],
            Gen.Select(Gen.Int[0, 400], Gen.Byte).Array[1, 12],
            Gen.Int[0, 60]);
        var proxy = new ProxyDhcpResponder(DhcpBootSettings.Default);
        var link = new DhcpInterface("eth0", IPAddress.Parse("10.0.0.1"), IPNetwork.Parse("10.0.0.0/24"));
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        mutations.Sample(
            m =>
            {
                byte[] bytes = [.. seeds[m.Seed]];
                foreach ((int at, byte value) in m.Changes)
                {
                    bytes[at % bytes.Length] = value;
                }

                DhcpParseResult parsed = DhcpCodec.Parse(bytes.AsSpan(0, Math.Max(0, bytes.Length - m.Cut)));
                if (parsed.Packet is { } packet)
                {
                    var s = new DhcpScenario();
                    foreach (DhcpAnswer answer in new[] { s.Send(packet), proxy.Respond(packet, link, 67), proxy.Respond(packet, link, 4011) })
                    {
                        if (answer.Reply is { } reply)
                        {
                            DhcpCodec.Write(reply, buffer);
                            DhcpReplyRoute.For(packet, reply, new IPEndPoint(IPAddress.Loopback, 68), 67);
                        }
                    }
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Random_packets_with_random_options_are_answered_without_throwing()
    {
        Gen<DhcpOption> option = Gen.Select(Gen.Byte, Gen.Byte.Array[0, 20], (code, value) => new DhcpOption(code, value));
        Gen<DhcpPacket> packets = Gen.Select(
            Gen.Byte[1, 9],
            option.Array[0, 8],
            Gen.UInt,
            Gen.Byte.Array[16],
            Gen.Byte[0, 2],
            (type, options, address, chaddr, op) => new DhcpPacket
            {
                Operation = op,
                ClientHardwareAddress = chaddr,
                ClientAddress = new IPAddress(address & 0xffffu),
                RelayAddress = (address & 1) == 0 ? IPAddress.Any : IPAddress.Parse("10.9.0.1"),
                Options = [new DhcpOption(DhcpOptionCode.MessageType, [type]), .. options],
            });
        var s = new DhcpScenario();
        byte[] buffer = new byte[DhcpCodec.MaximumLength];

        packets.Sample(
            p =>
            {
                DhcpAnswer answer = s.Send(p);
                if (answer.Reply is { } reply)
                {
                    DhcpCodec.Write(reply, buffer);
                }
            },
            iter: Iterations,
            threads: 1); // one DhcpScenario (its lease table is not thread safe; the server locks it)
    }
}
