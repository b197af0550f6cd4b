using Ingot.Core.Enlistment;
using Ingot.Core.Forms;
using Ingot.Core.Power;

namespace Ingot.Power.Tests.Model;

public sealed class PowerParameterCheckTests
{
    private static readonly PowerTypeCatalog s_catalog = PowerDrivers.CreateRegistry().Catalog;

    private static (Dictionary<string, string> Result, MachineFormException? Error) Check(
        string type, Dictionary<string, string> parameters, bool skip = false)
    {
        var errors = new FormErrors();
        Dictionary<string, string> result = PowerParameterCheck.Check(s_catalog, type, parameters, skip, errors);
        try
        {
            errors.ThrowIfAny();
            return (result, null);
        }
        catch (MachineFormException e)
        {
            return (result, e);
        }
    }

    [Fact]
    public void An_unknown_power_type_is_refused_with_djangos_choice_message()
    {
        (_, MachineFormException? error) = Check("virsh", []);
        Assert.NotNull(error);
        Assert.Equal(["Select a valid choice. virsh is not one of the available choices."], error.Errors["power_type"]);
    }

    [Fact]
    public void Ipmi_needs_an_address_but_the_driver_has_a_default()
    {
        (_, MachineFormException? error) = Check("ipmi", new() { ["power_user"] = "admin" });
        Assert.NotNull(error);
        Assert.Equal(["power_address: This field is required."], error.Errors["power_parameters"]);
    }

    [Fact]
    public void A_choice_outside_the_fields_choices_is_refused()
    {
        (_, MachineFormException? error) = Check("ipmi", new() { ["power_address"] = "10.0.0.1", ["privilege_level"] = "ROOT" });
        Assert.NotNull(error);
        Assert.Contains("privilege_level: Select a valid choice. ROOT is not one of the available choices.", error.Errors["power_parameters"]);
    }

    [Fact]
    public void Unknown_parameters_are_refused_unless_the_check_is_skipped()
    {
        var parameters = new Dictionary<string, string> { ["power_address"] = "10.0.0.1", ["bogus"] = "1" };
        Assert.Equal(["Unknown parameter(s): bogus."], Check("ipmi", parameters).Error?.Errors["power_parameters"]);
        Assert.Null(Check("ipmi", parameters, skip: true).Error);
    }

    [Fact]
    public void Workaround_flags_sent_as_a_json_list_are_stored_comma_joined()
    {
        (Dictionary<string, string> result, MachineFormException? error) =
            Check("ipmi", new() { ["power_address"] = "10.0.0.1", ["workaround_flags"] = """["opensesspriv", "authcap"]""" });
        Assert.Null(error);
        Assert.Equal("opensesspriv,authcap", result["workaround_flags"]);
    }

    [Fact]
    public void Redfish_requires_address_user_and_password()
    {
        MachineFormException? error = Check("redfish", []).Error;
        Assert.NotNull(error);
        Assert.Equal(
            ["power_address: This field is required.", "power_user: This field is required.", "power_pass: This field is required."],
            error.Errors["power_parameters"]);
    }

    [Fact]
    public void Webhook_regexes_have_defaults_so_only_the_uris_are_needed()
    {
        MachineFormException? error = Check("webhook", new() { ["power_on_uri"] = "http://x/on" }).Error;
        Assert.NotNull(error);
        Assert.Equal(["power_off_uri: This field is required.", "power_query_uri: This field is required."], error.Errors["power_parameters"]);
    }

    [Fact]
    public void Manual_and_an_empty_power_type_take_no_parameters()
    {
        Assert.Null(Check("manual", []).Error);
        Assert.Null(Check("", new() { ["anything"] = "x" }).Error);
    }
}
