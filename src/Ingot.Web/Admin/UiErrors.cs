using Ingot.Core.Enlistment;
using Ingot.Core.Machines;

namespace Ingot.Web.Admin;

/// <summary>
/// Runs a Core operation for a page and turns its refusal into the text the API would send: the message of
/// a <see cref="MachineOperationException"/> (403, 404, 409, 400 as MAAS words them) or each field's messages
/// of a <see cref="MachineFormException"/> ("name: This field is required."). Null when it succeeded.
/// </summary>
public static class UiErrors
{
    public static async Task<string?> RunAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return null;
        }
        catch (MachineFormException e)
        {
            return Describe(e);
        }
        catch (MachineOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The same for an operation that does not wait (a preview): null when it succeeded, else the API's text.</summary>
    public static string? Run(Action operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            operation();
            return null;
        }
        catch (MachineFormException e)
        {
            return Describe(e);
        }
        catch (MachineOperationException e)
        {
            return e.Message;
        }
    }

    public static string Describe(MachineFormException e) =>
        string.Join(" ", e.Errors.SelectMany(field => field.Value.Select(message => field.Key is "__all__" or "" ? message : $"{field.Key}: {message}")));
}
