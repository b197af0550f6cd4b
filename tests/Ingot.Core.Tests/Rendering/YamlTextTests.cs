using System.Text.Json.Nodes;
using Ingot.Core.Rendering;

namespace Ingot.Core.Tests.Rendering;

/// <summary>
/// The cloud-config style of Ingot's one YAML writer (the preseeds; it replaced the metadata API's own
/// writer, whose output for this document it reproduces byte for byte): every string quoted, keys plain
/// when identifier-like, sequence items under their key with a mapping's keys on the lines after the dash.
/// </summary>
public sealed class YamlTextTests
{
    private static readonly JsonObject s_document = JsonNode.Parse("""
        {"datasource":{"MAAS":{"metadata_url":"http://10.0.0.1:5240/MAAS/metadata/","consumer_key":"abc","token_key":"k","token_secret":"s"}},
         "power_state":{"delay":"now","mode":"poweroff","timeout":1800,"condition":"test ! -e /tmp/block-poweroff"},
         "reporting":{"maas":{"type":"webhook","endpoint":"http://x/"}},
         "weird key":1, "1abc":true, "true": null, "e":{}, "f":[], "list":["a", 2, {"x":"y","z":[1,2]}, [3,[4]], {}, []],
         "snap":{"commands":["a b", "c\nd"]}, "r": 1.5, "big": 12345678901
        }
        """)!.AsObject();

    [Fact]
    public void The_cloud_config_style_quotes_every_string_and_puts_sequence_items_under_their_key()
    {
        Assert.Equal(
            """
        #cloud-config
        datasource:
          MAAS:
            metadata_url: "http://10.0.0.1:5240/MAAS/metadata/"
            consumer_key: "abc"
            token_key: "k"
            token_secret: "s"
        power_state:
          delay: "now"
          mode: "poweroff"
          timeout: 1800
          condition: "test ! -e /tmp/block-poweroff"
        reporting:
          maas:
            type: "webhook"
            endpoint: "http://x/"
        "weird key": 1
        1abc: true
        true: null
        e: {}
        f: []
        list:
          - "a"
          - 2
          -
            x: "y"
            z:
              - 1
              - 2
          -
            - 3
            -
              - 4
          - {}
          - []
        snap:
          commands:
            - "a b"
            - "c\nd"
        r: 1.5
        big: 12345678901

        """,
            YamlText.Write(s_document, "#cloud-config\n", YamlStyle.CloudConfig));
    }

    [Fact]
    public void The_plain_style_leaves_safe_words_unquoted_and_puts_a_mappings_first_key_on_the_dash_line()
    {
        string yaml = YamlText.Write(new JsonObject { ["list"] = new JsonArray(new JsonObject { ["name"] = "eth0", ["flag"] = "yes" }, "a b") });

        Assert.Equal("list:\n- name: eth0\n  flag: \"yes\"\n- \"a b\"\n", yaml);
    }
}
