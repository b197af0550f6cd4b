using System.Text.Json.Nodes;
using Ingot.Core.Enlistment;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Core.Tests.Scripts;

public sealed class ScriptHeaderTests
{
    private static readonly DateTime s_now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_full_header_with_block_and_flow_yaml_is_read_with_yaml_types()
    {
        const string script = """
            #!/usr/bin/env python3
            #
            # --- Start MAAS 1.0 script metadata ---
            # name: stress-ng-cpu
            # title: CPU stress   # trailing comment
            # description: |
            #   Stress the CPUs.
            #   Twice.
            # tags:
            #   - cpu
            #   - 'burn in'
            # script_type: test
            # hardware_type: cpu
            # parallel: any
            # timeout: 3600
            # destructive: no
            # may_reboot: yes
            # for_hardware: [pci:8086:1572, "modalias:pci:v00008086*"]
            # parameters:
            #   runtime:
            #     type: runtime
            #     min: 60
            #     default: 600
            #   url: {type: url, required: false, default: "http://example.com/a#b"}
            # results:
            #   bogomips: {title: BogoMIPS, description: Speed}
            # --- End MAAS 1.0 script metadata ---
            print("hi")
            """;

        (JsonObject fields, IReadOnlyList<string> errors) = ScriptHeader.Read(script);

        Assert.Empty(errors);
        Assert.Equal("stress-ng-cpu", fields["name"]!.GetValue<string>());
        Assert.Equal("CPU stress", fields["title"]!.GetValue<string>());
        Assert.Equal("Stress the CPUs.\nTwice.\n", fields["description"]!.GetValue<string>());
        Assert.Equal(["cpu", "burn in"], fields["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(3600, fields["timeout"]!.GetValue<long>());
        Assert.False(fields["destructive"]!.GetValue<bool>());
        Assert.True(fields["may_reboot"]!.GetValue<bool>());
        Assert.Equal("modalias:pci:v00008086*", fields["for_hardware"]![1]!.GetValue<string>());
        Assert.Equal(600, fields["parameters"]!["runtime"]!["default"]!.GetValue<long>());
        Assert.False(fields["parameters"]!["url"]!["required"]!.GetValue<bool>());
        Assert.Equal("http://example.com/a#b", fields["parameters"]!["url"]!["default"]!.GetValue<string>());
        Assert.Equal("BogoMIPS", fields["results"]!["bogomips"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void A_script_without_a_header_has_no_fields_and_no_errors()
    {
        (JsonObject fields, IReadOnlyList<string> errors) = ScriptHeader.Read("#!/bin/sh\necho hi\n");
        Assert.Empty(fields);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("echo hi\n", "Must start with shebang.")]
    [InlineData("#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\nname: x\n# --- End MAAS 1.0 script metadata ---\n", "Missing \"#\" on YAML line.")]
    [InlineData("#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: [a, b\n# --- End MAAS 1.0 script metadata ---\n", "Invalid YAML:")]
    [InlineData("#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: a\n# name: b\n# --- End MAAS 1.0 script metadata ---\n", "Invalid YAML:")]
    [InlineData("#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: a\n#  title: b\n# --- End MAAS 1.0 script metadata ---\n", "Invalid YAML:")]
    [InlineData("#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# title: 'open\n# --- End MAAS 1.0 script metadata ---\n", "Invalid YAML:")]
    public void A_malformed_header_is_an_error_on_the_script_field(string script, string expected)
    {
        (_, IReadOnlyList<string> errors) = ScriptHeader.Read(script);
        Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_takes_the_header_fields_and_makes_the_first_version()
    {
        var script = new Script { Name = "" };
        ScriptForm.Apply(script, new Dictionary<string, string> { ["comment"] = "v1" }, """
            #!/bin/sh
            # --- Start MAAS 1.0 script metadata ---
            # name: nic-check
            # script_type: commissioning
            # hardware_type: network
            # timeout: '5:00'
            # for_hardware: pci:8086:1572
            # parameters: {interface: {type: interface}}
            # --- End MAAS 1.0 script metadata ---
            ip link
            """, s_now);

        Assert.Equal("nic-check", script.Name);
        Assert.Equal(ScriptType.Commissioning, script.Type);
        Assert.Equal(4, script.HardwareType);
        Assert.Equal(300, script.TimeoutSeconds);
        Assert.Equal(["pci:8086:1572"], script.ForHardware);
        Assert.Equal(["network"], script.Tags);
        Assert.Equal("v1", Assert.Single(script.Versions).Comment);
    }

    [Theory]
    [InlineData("# parameters: {disk: {type: floppy}}", "floppy: type must be either storage, interface, url, or runtime")]
    [InlineData("# parameters: {disk: {type: storage, min: 1}}", "Type doesn't support min or max")]
    [InlineData("# parameters: {t: {type: runtime, min: 10, max: 5}}", "min must be less than max")]
    [InlineData("# parameters: {t: {type: storage, argument_format: '--x'}}", "storage: argument_format must contain one of {input}, {name}, {path}, {model}, {serial}")]
    [InlineData("# parameters: [a]", "Must be a dictionary")]
    public void Bad_parameters_are_refused_with_MAAS_message(string line, string expected)
    {
        string text = $"#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: p\n{line}\n# --- End MAAS 1.0 script metadata ---\n";
        var e = Assert.Throws<MachineFormException>(() => ScriptForm.Apply(new Script { Name = "" }, new Dictionary<string, string>(), text, s_now));
        Assert.Contains(expected, e.Errors["parameters"]);
    }

    [Theory]
    [InlineData("600", 600)]
    [InlineData("10:00", 600)]
    [InlineData("1:00:00", 3600)]
    [InlineData("1 day, 0:00:01", 86401)]
    public void Timeouts_parse_as_Django_durations_and_print_as_Python_timedeltas(string text, int seconds)
    {
        Assert.Equal(seconds, ScriptChoices.Duration(text));
        Assert.Equal(seconds, ScriptChoices.Duration(ScriptChoices.TimeoutText(seconds)));
    }
}
