using Ingot.Core.Forms;
using Ingot.Core.Hardware;

namespace Ingot.Core.Networks;

/// <summary>MAAS's <c>InterfaceLinkForm</c> <c>mode</c> field: auto, dhcp, static or link_up (any case), required.</summary>
internal static class LinkModeField
{
    public static LinkMode? Read(NetworkForm form, FormErrors errors)
    {
        switch (form.Get("mode")?.Trim().ToLowerInvariant())
        {
            case "auto": return LinkMode.Auto;
            case "dhcp": return LinkMode.Dhcp;
            case "static": return LinkMode.Static;
            case "link_up": return LinkMode.LinkUp;
            case null or "": errors.Add("mode", FormErrors.Required); return null;
            case var other: errors.Add("mode", $"Select a valid choice. {other} is not one of the available choices."); return null;
        }
    }
}
