using System.Text;

namespace ScopeGen.Benchmarks;

/// <summary>
/// The shape where ScopeGen's analyzer cost most on real code: one file per versioned minimal-API module
/// (<c>app.NewVersionedApi("Catalog")</c>, v1 and v2 groups from <c>MapGroup(...).HasApiVersion(...)</c>, 16
/// <c>MapGet/MapPost/MapPut/MapDelete</c> calls whose handlers are static methods with many parameters,
/// <c>[AsParameters]</c> services and typed results, ~700 lines), generated <paramref name="modules"/> times.
/// </summary>
public static class VersionedModules
{
    /// <summary>The types every module shares: request parameters, services, the item and the page.</summary>
    public static string Shared() => """
        using System.Collections.Generic;
        using System.ComponentModel;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Bench.Modules;

        public readonly record struct PaginationRequest(
            [property: Description("Number of items to return in a single page of results")] int PageSize = 10,
            [property: Description("The index of the page of results to return")] int PageIndex = 0);

        public sealed class ItemStore
        {
            public List<CatalogItem> Items { get; } = new();
        }

        public sealed class CatalogServices
        {
            public CatalogServices(ItemStore store, ILogger<CatalogServices> logger)
            {
                Store = store;
                Logger = logger;
            }

            [FromServices]
            public ItemStore Store { get; }

            [FromServices]
            public ILogger<CatalogServices> Logger { get; }
        }

        public sealed class CatalogItem
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string? Description { get; set; }
            public decimal Price { get; set; }
            public int TypeId { get; set; }
            public int BrandId { get; set; }
            public int AvailableStock { get; set; }
            public string? PictureFileName { get; set; }
        }

        public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IEnumerable<T> Data) where T : class;
        """;

    /// <summary>
    /// One module. With <paramref name="covered"/> every endpoint has a scope (the v1/v2 groups carry one, the
    /// write endpoints their own); otherwise the read group has none and 8 of the 16 endpoints are findings.
    /// </summary>
    public static string Module(int index, bool covered)
    {
        var text = new StringBuilder();
        text.Append("""
            using System;
            using System.ComponentModel;
            using System.Linq;
            using System.Threading.Tasks;
            using Asp.Versioning;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.Logging;
            using N8n.Api;

            namespace Bench.Modules;

            """);
        text.Append("public static class Catalog").Append(index).Append("Api\n{\n");
        text.Append("    public static IEndpointRouteBuilder MapCatalog").Append(index).Append("Api(this IEndpointRouteBuilder app)\n    {\n");
        text.Append("        var vApi = app.NewVersionedApi(\"Catalog").Append(index).Append("\");\n");
        text.Append("        var api = vApi.MapGroup(\"api/catalog").Append(index).Append("\").HasApiVersion(1, 0).HasApiVersion(2, 0)")
            .Append(covered ? ".RequireScope(Scopes.Workflow.Read)" : string.Empty).Append(";\n");
        text.Append("        var v2 = vApi.MapGroup(\"api/catalog").Append(index).Append("\").HasApiVersion(2, 0).RequireScope(Scopes.Workflow.Update);\n\n");

        string[] reads = { "GetAllItems", "GetItemsByIds", "GetItemById", "GetItemsByName", "GetItemPictureById", "GetItemsBySemanticRelevance", "GetItemsByBrandAndTypeId", "GetItemsByBrandId" };
        string[] readRoutes = { "/items", "/items/by", "/items/{id:int}", "/items/by/{name:minlength(1)}", "/items/{id:int}/pic", "/items/withsemanticrelevance/{text:minlength(1)}", "/items/type/{typeId}/brand/{brandId?}", "/items/type/all/brand/{brandId:int?}" };
        for (var i = 0; i < reads.Length; i++)
        {
            text.Append("        api.MapGet(\"").Append(readRoutes[i]).Append("\", ").Append(reads[i]).Append(")\n")
                .Append("            .WithName(\"").Append(reads[i]).Append(index).Append("\")\n")
                .Append("            .WithSummary(\"").Append(reads[i]).Append("\")\n")
                .Append("            .WithDescription(\"Get a paginated list of items in the catalog.\")\n")
                .Append("            .WithTags(\"Items\");\n");
        }

        string[] writes = { "MapPut:/items/{id:int}:UpdateItem", "MapPost:/items:CreateItem", "MapDelete:/items/{id:int}:DeleteItemById", "MapPut:/items/{id:int}/stock:UpdateStock" };
        foreach (var group in new[] { "api", "v2" })
        {
            foreach (var write in writes)
            {
                var parts = write.Split(':', 3);
                var route = write.Substring(parts[0].Length + 1, write.LastIndexOf(':') - parts[0].Length - 1);
                var handler = write.Substring(write.LastIndexOf(':') + 1);
                text.Append("        ").Append(group).Append('.').Append(parts[0]).Append("(\"").Append(route).Append("\", ").Append(handler).Append(")\n")
                    .Append("            .WithName(\"").Append(handler).Append(group).Append(index).Append("\")\n")
                    .Append("            .WithSummary(\"").Append(handler).Append("\")\n")
                    .Append("            .WithTags(\"Items\")");
                if (group == "api")
                {
                    text.Append("\n            .RequireScope(Scopes.Workflow.Create)");
                }

                text.Append(";\n");
            }
        }

        text.Append("\n        return app;\n    }\n\n");
        foreach (var read in reads)
        {
            text.Append($$"""
                    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
                    public static async Task<Results<Ok<PaginatedItems<CatalogItem>>, BadRequest<ProblemDetails>, NotFound>> {{read}}(
                        [AsParameters] PaginationRequest paginationRequest,
                        [AsParameters] CatalogServices services,
                        [Description("The name of the item to return")] string? name,
                        [Description("The type of items to return")] int? type,
                        [Description("The brand of items to return")] int? brand,
                        [Description("List of ids for catalog items to return")] int[]? ids,
                        [Description("The catalog item id")] int? id,
                        HttpContext context)
                    {
                        var pageSize = paginationRequest.PageSize;
                        var pageIndex = paginationRequest.PageIndex;
                        if (pageSize <= 0 || pageIndex < 0)
                        {
                            return TypedResults.BadRequest(new ProblemDetails { Detail = "Invalid page." });
                        }

                        var root = services.Store.Items.AsQueryable();
                        if (name is not null)
                        {
                            root = root.Where(c => c.Name.StartsWith(name));
                        }

                        if (type is not null)
                        {
                            root = root.Where(c => c.TypeId == type);
                        }

                        if (brand is not null)
                        {
                            root = root.Where(c => c.BrandId == brand);
                        }

                        if (ids is { Length: > 0 })
                        {
                            root = root.Where(c => ids.Contains(c.Id));
                        }

                        if (id is not null && !root.Any(c => c.Id == id))
                        {
                            return TypedResults.NotFound();
                        }

                        var totalItems = root.LongCount();
                        var itemsOnPage = root.OrderBy(c => c.Name).Skip(pageSize * pageIndex).Take(pageSize).ToList();
                        services.Logger.LogInformation("Returning {Count} of {Total} items", itemsOnPage.Count, totalItems);
                        await Task.Yield();
                        return TypedResults.Ok(new PaginatedItems<CatalogItem>(pageIndex, pageSize, totalItems, itemsOnPage));
                    }


                """);
        }

        foreach (var write in new[] { "UpdateItem", "CreateItem", "DeleteItemById", "UpdateStock" })
        {
            text.Append($$"""
                    public static async Task<Results<Created, Ok<CatalogItem>, NoContent, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> {{write}}(
                        HttpContext httpContext,
                        [Description("The id of the catalog item")] int? id,
                        [AsParameters] CatalogServices services,
                        [Description("The catalog item")] CatalogItem? productToUpdate,
                        [Description("The new stock level")] int? stock,
                        ApiVersion version)
                    {
                        if (productToUpdate is null && stock is null && id is null)
                        {
                            return TypedResults.BadRequest(new ProblemDetails { Detail = "Nothing to do." });
                        }

                        var catalogItem = services.Store.Items.SingleOrDefault(i => i.Id == (id ?? productToUpdate!.Id));
                        if (catalogItem is null)
                        {
                            if (productToUpdate is null)
                            {
                                return TypedResults.NotFound(new ProblemDetails { Detail = $"Item with id {id} not found." });
                            }

                            services.Store.Items.Add(productToUpdate);
                            return TypedResults.Created($"/api/catalog/items/{productToUpdate.Id}");
                        }

                        if (stock is not null)
                        {
                            catalogItem.AvailableStock = stock.Value;
                        }

                        if (productToUpdate is not null)
                        {
                            catalogItem.Name = productToUpdate.Name;
                            catalogItem.Price = productToUpdate.Price;
                            catalogItem.Description = productToUpdate.Description;
                        }

                        services.Logger.LogInformation("Updated {Id} for version {Version} from {Path}", catalogItem.Id, version, httpContext.Request.Path);
                        await Task.Yield();
                        return version.MajorVersion >= 2 ? TypedResults.NoContent() : TypedResults.Ok(catalogItem);
                    }


                """);
        }

        return text.Append("}\n").ToString();
    }
}
