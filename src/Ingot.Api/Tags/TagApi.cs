using System.Text.Json.Nodes;
using Ingot.Api.Machines;
using Ingot.Api.Wire;
using Ingot.Core.Tags;

namespace Ingot.Api.Tags;

/// <summary>
/// <c>/MAAS/api/2.0/tags/{name}/</c> (MAAS's <c>TagHandler</c>): read; update and delete (admin
/// only); <c>rebuild</c> (admin) evaluates the definition on every machine again; <c>machines</c> lists the tagged machines the caller may view; <c>update_nodes</c> (admin)
/// adds and removes the tag on machines by system_id.
/// </summary>
public static class TagApi
{
    public static ApiResource Resource { get; } = new(
        "tags/{name}/",
        new ApiHandler("TagHandler", "Tags are properties that can be associated with a Node and serve as criteria for selecting and allocating nodes.\n\nA Tag is identified by its name.")
            .Read(ReadAsync, "Read a specific tag.\n\nReturns a JSON object containing information about a specific tag.")
            .Update(UpdateAsync, """
                Update a tag.

                Update elements of a given tag. Only administrators may update tags.

                :param name: The new tag name.
                :type name: unicode
                :param comment: A description of what the tag will be used for.
                :type comment: unicode
                :param definition: An XPATH query over the machines' hardware details; the tag is on exactly the machines it matches.
                :type definition: unicode
                :param kernel_opts: Kernel parameters for the machines carrying this tag.
                :type kernel_opts: unicode
                """)
            .Delete(DeleteAsync, "Delete a tag.\n\nDeletes a tag by name and removes it from its machines.")
            .Post("rebuild", RebuildAsync, "Trigger a tag-node mapping rebuild.\n\nEvaluates the tag's definition on every machine again. Only administrators may do this.")
            .Get("machines", MachinesAsync, "List machines by tag.\n\nGet a JSON list containing machine objects that match the given tag name.")
            .Post("update_nodes", UpdateNodesAsync, """
                Update nodes associated with this tag.

                Add or remove nodes associated with the given tag. Only administrators may do this.

                :param add: The system_id to tag (may be repeated).
                :type add: unicode
                :param remove: The system_id to untag (may be repeated).
                :type remove: unicode
                :param definition: If given, must match the tag's current definition (else 409).
                :type definition: unicode
                """));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(TagJson.Render(await request.Service<TagOperations>().GetAsync(request.Route("name"), ct)));

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        Tag tag = await request.Service<TagOperations>().UpdateAsync(
            request.Caller, request.Route("name"), form.Get("name"), form.Get("definition"), form.Get("comment"), form.Get("kernel_opts"), ct);
        return ApiResult.Json(TagJson.Render(tag));
    }

    private static async Task<ApiResult> RebuildAsync(ApiRequest request, CancellationToken ct)
    {
        Tag tag = await request.Service<TagOperations>().RebuildAsync(request.Caller, request.Route("name"), ct);
        return ApiResult.Json(new JsonObject { ["rebuilding"] = tag.Name });
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<TagOperations>().DeleteAsync(request.Caller, request.Route("name"), ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> MachinesAsync(ApiRequest request, CancellationToken ct)
    {
        var membership = request.Service<TagMembership>();
        string name = request.Route("name");
        return await MachineListResponse.ReadAsync(
            request, await membership.CarriersAsync(request.Caller, name, ct), token => membership.MachinesAsync(request.Caller, name, token), ct);
    }

    private static async Task<ApiResult> UpdateNodesAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        (int added, int removed) = await request.Service<TagMembership>().UpdateNodesAsync(
            request.Caller, request.Route("name"), form.GetAll("add"), form.GetAll("remove"), form.Get("definition"), ct);
        return ApiResult.Json(new JsonObject { ["added"] = added, ["removed"] = removed });
    }
}
