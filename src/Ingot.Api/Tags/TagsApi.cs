using Ingot.Api.Wire;
using Ingot.Core.Tags;

namespace Ingot.Api.Tags;

/// <summary>
/// <c>/MAAS/api/2.0/tags/</c> (MAAS's <c>TagsHandler</c>): list; create (admin only). A tag created
/// with a definition is put on the machines whose hardware details it matches before the reply.
/// </summary>
public static class TagsApi
{
    public static ApiResource Resource { get; } = new(
        "tags/",
        new ApiHandler("TagsHandler", "Manage all tags known to MAAS.")
            .Read(ListAsync, "List tags.\n\nOutputs a JSON object containing an array of all currently defined tag objects.")
            .Create(CreateAsync, """
                Create a new tag.

                Create a new tag. Only administrators may create tags.

                :param name: The new tag's name; letters, digits, dashes and underscores.
                :type name: unicode
                :param comment: A description of what the tag will be used for.
                :type comment: unicode
                :param definition: An XPATH query over the machines' hardware details; the tag is on exactly the machines it matches.
                :type definition: unicode
                :param kernel_opts: Kernel parameters for the machines carrying this tag.
                :type kernel_opts: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(TagJson.RenderList(await request.Service<TagOperations>().ListAsync(ct)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        Tag tag = await request.Service<TagOperations>().CreateAsync(
            request.Caller, form.Get("name"), form.Get("definition"), form.Get("comment"), form.Get("kernel_opts"), ct);
        return ApiResult.Json(TagJson.Render(tag));
    }
}
