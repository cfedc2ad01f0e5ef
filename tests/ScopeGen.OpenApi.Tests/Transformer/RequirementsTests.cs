using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using ScopeGen.AspNetCore;
using ScopeGen.OpenApi.Tests.Api;

namespace ScopeGen.OpenApi.Tests.Transformer;

/// <summary>ScopeEndpointRequirements and the document transformer, in process.</summary>
public sealed class RequirementsTests
{
    private static IAuthorizationPolicyProvider PolicyProvider()
    {
        var services = new ServiceCollection().AddLogging().AddScopeAuthorization().BuildServiceProvider();
        return services.GetRequiredService<IAuthorizationPolicyProvider>();
    }

    [Fact]
    public async Task An_unknown_policy_name_fails_as_it_fails_the_request()
    {
        var metadata = new EndpointMetadataCollection(new AuthorizeAttribute("no-such-policy"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ScopeEndpointRequirements.FromMetadataAsync(metadata, PolicyProvider()));
    }

    [Fact]
    public async Task Allow_anonymous_wins_over_every_requirement()
    {
        var metadata = new EndpointMetadataCollection(new RequireScopeAttribute(Scopes.Report.Read), new AuthorizeAttribute(Scopes.ApiKey.Rotate), new AllowAnonymousAttribute());
        var required = await ScopeEndpointRequirements.FromMetadataAsync(metadata, PolicyProvider());

        Assert.True(required.IsAnonymous);
        Assert.Empty(required.AllOf);
        Assert.False(required.CanForbid);
    }

    [Fact]
    public async Task Policy_names_are_resolved_ignoring_case_as_ASP_NET_Core_does()
    {
        var metadata = new EndpointMetadataCollection(new AuthorizeAttribute("KEYADMIN"));
        var required = await ScopeEndpointRequirements.FromMetadataAsync(metadata, PolicyProvider());

        Assert.Equal(new[] { new[] { Scopes.ApiKey.List }, new[] { Scopes.ApiKey.Rotate } }, required.AllOf);
    }

    [Fact]
    public async Task Alternatives_stop_at_the_limit()
    {
        var metadata = new EndpointMetadataCollection(
            new RequireScopeAttribute(Scopes.Report.Read, Scopes.Report.List),
            new RequireScopeAttribute(Scopes.Report.Create, Scopes.ApiKey.List));
        var required = await ScopeEndpointRequirements.FromMetadataAsync(metadata, null);

        Assert.Equal(4, required.ToAlternatives(4)!.Count);
        Assert.Null(required.ToAlternatives(3));
    }

    [Fact]
    public async Task A_scheme_the_document_already_has_is_kept()
    {
        var existing = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "key" };
        var document = new OpenApiDocument { Components = new OpenApiComponents { SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme> { ["ApiKey"] = existing } } };
        var transformer = new ScopeOpenApiTransformer(new ScopeOpenApiOptions().UseApiKeyHeader("X-Other"));
        var context = new OpenApiDocumentTransformerContext
        {
            DocumentName = "v1",
            DescriptionGroups = Array.Empty<Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescriptionGroup>(),
            ApplicationServices = new ServiceCollection().BuildServiceProvider(),
        };

        await transformer.TransformAsync(document, context, default);

        Assert.Same(existing, document.Components.SecuritySchemes["ApiKey"]);
        Assert.Equal("key", document.Components.SecuritySchemes["ApiKey"].Name);
        Assert.True(document.Extensions!.ContainsKey(ScopeOpenApiTransformer.ScopesExtension));
    }
}
