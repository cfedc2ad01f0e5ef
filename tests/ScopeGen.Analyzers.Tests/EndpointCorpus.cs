namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// The SCOPE001 corpus: endpoint shapes, each a whole file with its exact expected diagnostics marked
/// <c>{|SCOPE001:...|}</c>. Every file compiles against ASP.NET Core and the generated N8n.Api scopes.
/// </summary>
public static class EndpointCorpus
{
    public const string Usings = """
        using System;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using N8n.Api;

        """;

    /// <summary>Wraps statements in a public configuration method of a library.</summary>
    private static string Minimal(string body) => Usings + $$"""
        public static class Api
        {
            public static void Configure(WebApplication app)
            {
        {{body}}
            }
        }
        """;

    /// <summary>
    /// <paramref name="count"/> <c>.WithTags(...)</c> conventions: they neither cover nor end a chain, so they put a
    /// covering call that many steps away, to pin where the analyzer stops following (MaxDepth, 16 steps).
    /// </summary>
    public static string Tags(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $".WithTags(\"t{i}\")"));

    /// <summary>An endpoint returned up through <paramref name="count"/> private helpers; Configure adds RequireScope to the top one.</summary>
    private static string ReturnedThrough(int count, string mapGet) => Usings + $$"""
        public static class Api
        {
            public static void Configure(WebApplication app) => Endpoint{{count}}(app).RequireScope(Scopes.Tag.List);

            private static RouteHandlerBuilder Endpoint1(IEndpointRouteBuilder routes) => routes.{{mapGet}}("/tags", () => "x");
        {{string.Concat(Enumerable.Range(2, count - 1).Select(i => $"\n    private static RouteHandlerBuilder Endpoint{i}(IEndpointRouteBuilder routes) => Endpoint{i - 1}(routes);\n"))}}
        }
        """;

    /// <summary>A covered group passed down through <paramref name="count"/> private helpers; the last one maps on it.</summary>
    private static string PassedThrough(int count, string mapGet) => Usings + $$"""
        public static class Api
        {
            public static void Configure(WebApplication app) => Map{{count}}(app.MapGroup("/tags").RequireScope(Scopes.Tag.List));

            private static void Map1(IEndpointRouteBuilder routes) => routes.{{mapGet}}("", () => "x");
        {{string.Concat(Enumerable.Range(2, count - 1).Select(i => $"\n    private static void Map{i}(IEndpointRouteBuilder routes) => Map{i - 1}(routes);\n"))}}
        }
        """;

    /// <summary>Library shapes: name, markup source.</summary>
    public static IReadOnlyList<(string Name, string Source)> LibraryCases { get; } = new List<(string, string)>
    {
        // ---- minimal APIs: the endpoint itself ----
        ("MapGet without a scope", Minimal("""app.{|SCOPE001:MapGet|}("/workflows", () => "x");""")),
        ("MapGet with RequireScope", Minimal("""app.MapGet("/workflows", () => "x").RequireScope(Scopes.Workflow.List);""")),
        ("an application's own MapGet wrapper is no ASP.NET Core mapping", Usings + """
            namespace MyApp
            {
                public static class ScopedRoutes
                {
                    // Applies the scope itself: a call to it is no mapping of its own (the one inside is, and is covered).
                    public static IEndpointConventionBuilder MapGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
                        EndpointRouteBuilderExtensions.MapGet(endpoints, pattern, handler).RequireScope(Scopes.Workflow.Read);
                }

                public static class Api
                {
                    public static void Configure(WebApplication app) => app.MapGet("/workflows", () => "x");
                }
            }
            """),
        ("MapPost with AllowAnonymous", Minimal("""app.MapPost("/login", () => "x").AllowAnonymous();""")),
        ("RequireAuthorization with a scope policy", Minimal("""app.MapPost("/workflows", () => "x").RequireAuthorization(Scopes.Workflow.Create);""")),
        ("RequireAuthorization with a preset policy", Minimal("""app.MapGet("/everything", () => "x").RequireAuthorization("readOnly");""")),
        ("RequireAuthorization with a foreign policy", Minimal("""app.{|SCOPE001:MapGet|}("/admin", () => "x").RequireAuthorization("AdminOnly");""")),
        ("RequireAuthorization without a policy", Minimal("""app.{|SCOPE001:MapGet|}("/me", () => "x").RequireAuthorization();""")),
        ("RequireScope later in the fluent chain", Minimal("""app.MapGet("/tags", () => "x").WithName("tags").WithTags("t").RequireScope(Scopes.Tag.List);""")),
        ("lambda with [RequireScope]", Minimal("""app.MapGet("/tags/{id}", [RequireScope(Scopes.Tag.Read)] (string id) => id);""")),
        ("lambda with [AllowAnonymous]", Minimal("""app.MapGet("/health", [AllowAnonymous] () => "ok");""")),
        ("lambda with an attribute naming a scope that is no authorization", Minimal("""app.{|SCOPE001:MapGet|}("/tags", [EndpointName(Scopes.Tag.List)] () => "x");""")),
        ("handler passed as a Delegate local", Minimal("""
                    Delegate handler = () => "x";
                    app.{|SCOPE001:MapGet|}("/tags", handler);
            """)),
        ("lambda with bare [Authorize]", Minimal("""app.{|SCOPE001:MapGet|}("/tags/{id}", [Authorize] (string id) => id);""")),
        ("lambda with [Authorize(Policy = scope)]", Minimal("""app.MapGet("/tags/{id}", [Authorize(Policy = Scopes.Tag.Read)] (string id) => id);""")),
        ("WithMetadata(new RequireScopeAttribute)", Minimal("""app.MapGet("/users", () => "x").WithMetadata(new RequireScopeAttribute(Scopes.User.List));""")),
        ("WithMetadata(new AllowAnonymousAttribute)", Minimal("""app.MapGet("/ping", () => "x").WithMetadata(new AllowAnonymousAttribute());""")),
        ("WithMetadata of something else", Minimal("""app.{|SCOPE001:MapGet|}("/users", () => "x").WithMetadata(new EndpointNameMetadata("users"));""")),
        // ---- an application's or another vendor's methods named like the conventions cover nothing ----
        ("an application's own RequireScope is no ScopeGen requirement", Usings + """
            namespace MyApp
            {
                public static class Conventions
                {
                    // Found before the generated RequireScope (innermost namespace first), and a no-op.
                    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder => builder;
                }

                public static class Api
                {
                    public static void Configure(WebApplication app) => app.{|SCOPE001:MapGet|}("/workflows", () => "x").RequireScope(Scopes.Workflow.List);
                }
            }
            """),
        ("an application's own WithMetadata is no ASP.NET Core convention", Usings + """
            namespace MyApp
            {
                public static class Conventions
                {
                    // Keeps the attribute to itself: nothing reaches the endpoint's metadata.
                    public static TBuilder WithMetadata<TBuilder>(this TBuilder builder, object item) where TBuilder : IEndpointConventionBuilder => builder;
                }

                public static class Api
                {
                    public static void Configure(WebApplication app) =>
                        app.{|SCOPE001:MapGet|}("/users", () => "x").WithMetadata(new RequireScopeAttribute(Scopes.User.List));
                }
            }
            """),
        ("AllowAnonymous of a vendor's *.AspNetCore namespace is not ASP.NET Core's", Usings + """
            namespace Contoso.AspNetCore
            {
                public static class Conventions
                {
                    public static TBuilder AllowAnonymous<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
                }

                public static class Api
                {
                    public static void Configure(WebApplication app) => app.{|SCOPE001:MapGet|}("/users", () => "x").AllowAnonymous();
                }
            }
            """),
        ("RequireAuthorization of a class in the global namespace is not ASP.NET Core's", Usings + """
            public static class GlobalConventions
            {
                // Preferred over ASP.NET Core's params overload (normal form), and a no-op.
                public static TBuilder RequireAuthorization<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder => builder;
            }

            public static class Api
            {
                public static void Configure(WebApplication app) => app.{|SCOPE001:MapGet|}("/workflows", () => "x").RequireAuthorization(Scopes.Workflow.Read);
            }
            """),
        ("MapMethods", Minimal("""app.{|SCOPE001:MapMethods|}("/workflows", new[] { "GET", "HEAD" }, () => "x");""")),
        ("Map with a RequestDelegate", Minimal("""app.{|SCOPE001:Map|}("/raw", (HttpContext context) => context.Response.WriteAsync("x"));""")),
        ("MapFallback", Minimal("""app.{|SCOPE001:MapFallback|}(() => "x");""")),
        ("MapPut, MapPatch, MapDelete", Minimal("""
                    app.{|SCOPE001:MapPut|}("/tags/{id}", (string id) => id);
                    app.{|SCOPE001:MapPatch|}("/tags/{id}", (string id) => id);
                    app.{|SCOPE001:MapDelete|}("/tags/{id}", (string id) => id);
            """)),
        ("builder stored in a local, RequireScope as a statement", Minimal("""
                    var endpoint = app.MapGet("/tags", () => "x");
                    endpoint.RequireScope(Scopes.Tag.List);
            """)),
        ("endpoint kept as an IEndpointConventionBuilder local, RequireScope as a statement", Minimal("""
                    IEndpointConventionBuilder endpoint = app.MapGet("/tags", () => "x");
                    endpoint.RequireScope(Scopes.Tag.List);
            """)),
        ("builder stored in a local and left alone", Minimal("""
                    var endpoint = app.{|SCOPE001:MapGet|}("/tags", () => "x");
                    endpoint.WithName("tags");
            """)),

        // ---- minimal APIs: route groups ----
        ("group chained directly", Minimal("""app.MapGroup("/workflows").RequireScope(Scopes.Workflow.List).MapGet("", () => "x");""")),
        ("group local with RequireScope in its initializer", Minimal("""
                    var group = app.MapGroup("/workflows").WithTags("w").RequireScope(Scopes.Workflow.Read);
                    group.MapGet("/{id}", (string id) => id);
            """)),
        ("group local with RequireScope as a statement", Minimal("""
                    var group = app.MapGroup("/workflows");
                    group.RequireScope(Scopes.Workflow.Read);
                    group.MapGet("/{id}", (string id) => id);
            """)),
        ("group local without a scope", Minimal("""
                    var group = app.MapGroup("/workflows");
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
            """)),
        ("group with AllowAnonymous", Minimal("""app.MapGroup("/public").AllowAnonymous().MapGet("/info", () => "x");""")),
        ("group with RequireAuthorization(scope)", Minimal("""app.MapGroup("/tags").RequireAuthorization(Scopes.Tag.List).MapGet("", () => "x");""")),
        ("nested group inherits a covered parent", Minimal("""
                    var api = app.MapGroup("/api").RequireScope(Scopes.DataTable.Read);
                    var tables = api.MapGroup("/data-tables");
                    var rows = tables.MapGroup("/{id}/rows");
                    rows.MapGet("", (string id) => id);
            """)),
        ("nested covered group under an uncovered parent", Minimal("""
                    var api = app.MapGroup("/api");
                    var rows = api.MapGroup("/rows").RequireScope(Scopes.DataTableRow.Read);
                    rows.MapGet("", () => "x");
                    api.{|SCOPE001:MapGet|}("/other", () => "x");
            """)),
        ("group reassigned to an uncovered group", Minimal("""
                    var group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    group.MapGet("", () => "x");
                    group = app.MapGroup("/b");
                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("RequireScope statement only inside a branch", Minimal("""
                    var group = app.MapGroup("/a");
                    if (app.Environment.EnvironmentName == "x")
                        group.RequireScope(Scopes.Tag.List);
                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("group in a lambda parameter of unknown origin", Minimal("""
                    Action<RouteGroupBuilder> register = group => group.{|SCOPE001:MapGet|}("", () => "x");
                    register(app.MapGroup("/a").RequireScope(Scopes.Tag.List));
            """)),
        ("not an endpoint: IApplicationBuilder.Map branch", Minimal("""((IApplicationBuilder)app).Map("/branch", branch => { });""")),

        // ---- helpers, extension methods, fields ----
        ("route group passed to a private helper", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read));
                    var tags = app.MapGroup("/tags").RequireScope(Scopes.Tag.List);
                    MapWorkflows(tags);
                }

                private static void MapWorkflows(RouteGroupBuilder group)
                {
                    group.MapGet("/{id}", (string id) => id);
                }
            }
            """),
        ("route group passed to a private helper once uncovered", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read));
                    MapWorkflows(app.MapGroup("/open"));
                }

                private static void MapWorkflows(RouteGroupBuilder group)
                {
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }
            }
            """),
        ("public helper of a library: callers unknown", Usings + """
            public static class Api
            {
                public static void MapWorkflows(RouteGroupBuilder group)
                {
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }
            }
            """),
        ("helper that covers its own parameter", Usings + """
            public static class Api
            {
                public static void MapWorkflows(RouteGroupBuilder group)
                {
                    group.RequireScope(Scopes.Workflow.Read);
                    group.MapGet("/{id}", (string id) => id);
                }
            }
            """),
        ("group local passed by ref to a helper that replaces it", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var group = app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read);
                    Replace(ref group, app);
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }

                private static void Replace(ref RouteGroupBuilder group, WebApplication app) => group = app.MapGroup("/open");
            }
            """),
        ("endpoint local passed by ref and replaced before its RequireScope statement", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var endpoint = app.{|SCOPE001:MapGet|}("/tags", () => "x");
                    Replace(ref endpoint, app);
                    endpoint.RequireScope(Scopes.Tag.List);
                }

                private static void Replace(ref RouteHandlerBuilder endpoint, WebApplication app) =>
                    endpoint = app.MapGet("/other", () => "y").RequireScope(Scopes.Tag.List);
            }
            """),
        ("helper parameter reassigned before mapping", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app) => MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read), app);

                private static void MapWorkflows(RouteGroupBuilder group, WebApplication app)
                {
                    group = app.MapGroup("/open");
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }
            }
            """),
        ("helper passed as a delegate escapes", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    Action<RouteGroupBuilder> map = MapWorkflows;
                    map(app.MapGroup("/w"));
                    MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read));
                }

                private static void MapWorkflows(RouteGroupBuilder group)
                {
                    group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }
            }
            """),
        ("extension method on a covered group", Usings + """
            internal static class WorkflowEndpoints
            {
                internal static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/{id}", (string id) => id);
                    return routes;
                }
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read).MapWorkflowEndpoints();
                }
            }
            """),
        ("extension method on an uncovered receiver", Usings + """
            internal static class WorkflowEndpoints
            {
                internal static void MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
                {
                    routes.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
                }
            }

            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapWorkflowEndpoints();
            }
            """),
        ("extension method returning the endpoint, caller adds RequireScope", Usings + """
            internal static class TagEndpoints
            {
                internal static RouteHandlerBuilder MapTagList(this IEndpointRouteBuilder routes) => routes.MapGet("/tags", () => "x");
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapTagList().RequireScope(Scopes.Tag.List);
                }
            }
            """),
        ("extension method returning the endpoint, one caller forgets", Usings + """
            internal static class TagEndpoints
            {
                internal static RouteHandlerBuilder MapTagList(this IEndpointRouteBuilder routes) => routes.{|SCOPE001:MapGet|}("/tags", () => "x");
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapTagList().RequireScope(Scopes.Tag.List);
                    app.MapTagList();
                }
            }
            """),
        ("private field group assigned covered", Usings + """
            public sealed class Registrar
            {
                private readonly RouteGroupBuilder group;

                public Registrar(WebApplication app) => group = app.MapGroup("/users").RequireScope(Scopes.User.List);

                public void Register() => group.MapGet("", () => "x");
            }
            """),
        ("private field group assigned covered in one constructor and uncovered in another", Usings + """
            public sealed class Registrar
            {
                private readonly RouteGroupBuilder group;

                public Registrar(WebApplication app) => group = app.MapGroup("/users").RequireScope(Scopes.User.List);

                public Registrar(WebApplication app, string prefix) => group = app.MapGroup(prefix);

                public void Register() => group.{|SCOPE001:MapGet|}("", () => "x");
            }
            """),
        ("private field group never assigned", Usings + """
            public sealed class Registrar
            {
            #pragma warning disable CS0649 // never assigned: the point of this case
                private readonly RouteGroupBuilder? group;
            #pragma warning restore CS0649

                public void Register() => group!.{|SCOPE001:MapGet|}("", () => "x");
            }
            """),
        ("public field group", Usings + """
            public sealed class Registrar
            {
                public RouteGroupBuilder? Group;

                public void Register() => Group!.{|SCOPE001:MapGet|}("", () => "x");
            }
            """),
        ("method-group handler with and without [RequireScope]", Usings + """
            public static class Handlers
            {
                [RequireScope(Scopes.Variable.List)]
                public static string List() => "x";

                public static string Create() => "x";
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/variables", Handlers.List);
                    app.{|SCOPE001:MapPost|}("/variables", Handlers.Create);
                }
            }
            """),
        ("not an endpoint: a user method named MapGet", Usings + """
            public sealed class Router
            {
                public void MapGet(string pattern, Delegate handler) { }
            }

            public static class Api
            {
                public static void Configure(Router router) => router.MapGet("/x", () => "x");
            }
            """),

        // ---- how far the analyzer follows a builder (MaxDepth: 16 steps), and shapes it must not follow ----
        ("a group sixteen conventions before the mapping still covers it", Minimal($$"""app.MapGroup("/tags").RequireScope(Scopes.Tag.List){{Tags(16)}}.MapGet("", () => "x");""")),
        ("a RequireScope seventeen conventions back is beyond reach: reported", Minimal($$"""app.MapGroup("/tags").RequireScope(Scopes.Tag.List){{Tags(17)}}.{|SCOPE001:MapGet|}("", () => "x");""")),
        ("a group local whose RequireScope is sixteen conventions deep in its value is beyond reach", Minimal($$"""
                    var group = app.MapGroup("/tags").RequireScope(Scopes.Tag.List){{Tags(16)}};
                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("a private field whose RequireScope is sixteen conventions deep in its value is beyond reach", Usings + $$"""
            public sealed class Registrar
            {
                private readonly RouteGroupBuilder group;

                public Registrar(WebApplication app) => group = app.MapGroup("/users").RequireScope(Scopes.User.List){{Tags(16)}};

                public void Register() => group.{|SCOPE001:MapGet|}("", () => "x");
            }
            """),
        ("an endpoint returned through sixteen private helpers gets the caller's RequireScope", ReturnedThrough(16, "MapGet")),
        ("an endpoint returned through seventeen private helpers is beyond reach", ReturnedThrough(17, "{|SCOPE001:MapGet|}")),
        ("a covered group passed down sixteen private helpers covers the mapping", PassedThrough(16, "MapGet")),
        ("a covered group passed down seventeen private helpers is beyond reach", PassedThrough(17, "{|SCOPE001:MapGet|}")),
        ("private helpers nothing calls: no caller adds a scope", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/ok", () => "x").RequireScope(Scopes.Tag.List);

                private static void MapUnused(IEndpointRouteBuilder routes) => routes.{|SCOPE001:MapGet|}("/a", () => "x");

                private static RouteHandlerBuilder MapReturnedToNobody()
                {
                    var app = WebApplication.Create();
                    return app.{|SCOPE001:MapGet|}("/b", () => "x");
                }
            }
            """),
        ("an endpoint returned from two return statements gets the caller's RequireScope", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app, bool legacy) => MapTags(app, legacy).RequireScope(Scopes.Tag.List);

                private static RouteHandlerBuilder MapTags(IEndpointRouteBuilder routes, bool legacy)
                {
                    if (legacy)
                    {
                        return Tags(routes, "/legacy/tags");
                    }

                    return Tags(routes, "/tags");
                }

                private static RouteHandlerBuilder Tags(IEndpointRouteBuilder routes, string pattern) => routes.MapGet(pattern, () => "x");
            }
            """),
        ("a covered group local passed to the same private helper twice", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var tags = app.MapGroup("/tags").RequireScope(Scopes.Tag.List);
                    MapList(tags, "/a");
                    MapList(tags, "/b");
                }

                private static void MapList(RouteGroupBuilder group, string pattern) => group.MapGet(pattern, () => "x");
            }
            """),
        ("two covering conventions in one chain", Minimal("""app.MapGet("/tags", () => "x").RequireScope(Scopes.Tag.List).RequireAuthorization(Scopes.Tag.Read);""")),
        ("RequireScope on a sub-group a helper makes does not cover the app's own endpoints", Usings + """
            internal static class Groups
            {
                // Not named Map...: a new group all the same, whose conventions stay on it.
                internal static RouteGroupBuilder Versioned(this IEndpointRouteBuilder routes) => routes.MapGroup("/v1");
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.Versioned().RequireScope(Scopes.Tag.List);
                    app.{|SCOPE001:MapGet|}("/tags", () => "x");
                }
            }
            """),
        ("RequireScope statement inside a braced branch", Minimal("""
                    var group = app.MapGroup("/a");
                    if (app.Environment.EnvironmentName == "x")
                    {
                        group.RequireScope(Scopes.Tag.List);
                    }

                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("RequireScope after an instance method of a user-defined builder that returns the builder", Usings + """
            using System.Collections.Generic;

            public sealed class Routes : IEndpointRouteBuilder, IEndpointConventionBuilder
            {
                private readonly RouteGroupBuilder group;

                public Routes(RouteGroupBuilder group) => this.group = group;

                // A fluent instance method: the chain goes on through it, as through an extension convention.
                public Routes Tagged() => this;

                public IServiceProvider ServiceProvider => ((IEndpointRouteBuilder)group).ServiceProvider;

                public ICollection<EndpointDataSource> DataSources => ((IEndpointRouteBuilder)group).DataSources;

                public IApplicationBuilder CreateApplicationBuilder() => ((IEndpointRouteBuilder)group).CreateApplicationBuilder();

                public void Add(Action<EndpointBuilder> convention) => ((IEndpointConventionBuilder)group).Add(convention);
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var routes = new Routes(app.MapGroup("/a"));
                    routes.Tagged().RequireScope(Scopes.Tag.List);
                    routes.MapGet("", () => "x");

                    // Tagged() on another builder covers nothing here.
                    var other = new Routes(app.MapGroup("/b"));
                    routes.Tagged();
                    new Routes(app.MapGroup("/c")).Tagged().RequireScope(Scopes.Tag.List);
                    other.{|SCOPE001:MapGet|}("", () => "x");
                }
            }
            """),
        ("RequireScope assigned to a discard, as a statement", Minimal("""
                    var group = app.MapGroup("/a");
                    _ = group.RequireScope(Scopes.Tag.List);
                    group.MapGet("", () => "x");
            """)),
        ("RequireScope in one arm of a conditional expression statement", Minimal("""
                    var group = app.MapGroup("/a");
                    _ = app.Environment.EnvironmentName == "x" ? group.RequireScope(Scopes.Tag.List) : group;
                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("RequireScope in one branch of an if does not cover the other branch", Minimal("""
                    var group = app.MapGroup("/a");
                    if (app.Environment.EnvironmentName == "x")
                        group.RequireScope(Scopes.Tag.List);
                    else
                        group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("group local reassigned by deconstruction", Minimal("""
                    var group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    int version;
                    (group, version) = (app.MapGroup("/open"), 2);
                    group.{|SCOPE001:MapGet|}("", () => version.ToString());
            """)),
        ("group reassigned to a covered group only inside a branch", Minimal("""
                    var group = app.MapGroup("/open");
                    if (app.Environment.EnvironmentName == "x")
                    {
                        group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    }

                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("a goto can skip the reassignment to a covered group", Minimal("""
                    var group = app.MapGroup("/open");
                    if (app.Environment.EnvironmentName == "x")
                        goto map;
                    group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    map:
                    group.{|SCOPE001:MapGet|}("", () => "x");
            """)),
        ("a lambda mapping on a captured group sees its later reassignment", Minimal("""
                    var group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    Action map = () => group.{|SCOPE001:MapGet|}("", () => "x");
                    group = app.MapGroup("/open");
                    map();
            """)),
        ("a for loop's incrementor reassigns the group between iterations", Minimal("""
                    var group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);
                    for (var i = 0; i < 2; i++, group = app.MapGroup("/open"))
                    {
                        group.{|SCOPE001:MapGet|}("/" + i, () => "x");
                    }
            """)),
        ("group reassigned to a covered group, then mapped with no space between the statements", Minimal("""
                    var group = app.MapGroup("/open");
                    group.{|SCOPE001:MapGet|}("", () => "x");
                    group = app.MapGroup("/a").RequireScope(Scopes.Tag.List);group.MapGet("", () => "x");
            """)),
        ("group assigned twice and mapped on within one statement", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    RouteGroupBuilder group;
                    Keep(group = app.MapGroup("/open"), group = app.MapGroup("/a").RequireScope(Scopes.Tag.List), group.{|SCOPE001:MapGet|}("", () => "x"));
                }

                private static void Keep(params object[] values) { }
            }
            """),
        ("group assigned twice side by side in one statement before the mapping: the later, open one reaches it", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    RouteGroupBuilder group;
                    Keep(group = app.MapGroup("/a").RequireScope(Scopes.Tag.List), group = app.MapGroup("/open"));
                    group.{|SCOPE001:MapGet|}("", () => "x");
                }

                private static void Keep(params object[] values) { }
            }
            """),
        ("RequireScope statement and mapping in one switch section: the section covers its own mapping only", Minimal("""
                    var group = app.MapGroup("/a");
                    switch (app.Environment.EnvironmentName)
                    {
                        case "x":
                            group.RequireScope(Scopes.Tag.List);
                            group.MapGet("", () => "x");
                            break;
                        default:
                            group.{|SCOPE001:MapGet|}("/other", () => "y");
                            break;
                    }
            """)),
        ("group assigned inside its own reassignment: the outer assignment, made last, reaches the mapping", Minimal("""
                    RouteGroupBuilder group;
                    group = (group = app.MapGroup("/a")).RequireScope(Scopes.Tag.List);
                    group.MapGet("", () => "x");
            """)),
        ("public helper of a library called with a covered group: other assemblies may call it too", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app) => MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read));

                public static void MapWorkflows(RouteGroupBuilder group) => group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
            }
            """),
        ("protected helper of a public library class: derived classes elsewhere may call it", Usings + """
            public class Api
            {
                public void Configure(WebApplication app) => MapWorkflows(app.MapGroup("/workflows").RequireScope(Scopes.Workflow.Read));

                protected void MapWorkflows(RouteGroupBuilder group) => group.{|SCOPE001:MapGet|}("/{id}", (string id) => id);
            }
            """),
        ("a helper's call sites are its own, not another method's of the same name", Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    MapTags(app.MapGroup("/tags").RequireScope(Scopes.Tag.List));
                    Other.MapTags(app.MapGroup("/open"));
                }

                private static void MapTags(RouteGroupBuilder group) => group.MapGet("", () => "x");
            }

            internal static class Other
            {
                internal static void MapTags(RouteGroupBuilder group) => group.{|SCOPE001:MapGet|}("/other", () => "x");
            }
            """),
        ("an extension in ASP.NET Core's Builder namespace with another name is no mapping", Usings + """
            namespace Microsoft.AspNetCore.Builder
            {
                // Libraries put extensions here so that they need no using; calling one maps nothing itself.
                public static class ScopedRouteExtensions
                {
                    public static RouteHandlerBuilder MapScopedGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
                        endpoints.MapGet(pattern, handler).RequireScope(Scopes.Workflow.Read);
                }
            }

            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapScopedGet("/workflows", () => "x");
            }
            """),
        ("a MapGet extension in the Builder namespace on IApplicationBuilder is no mapping", Usings + """
            namespace Microsoft.AspNetCore.Builder
            {
                // Named like the minimal-API method, but on the middleware pipeline: no endpoint.
                public static class BranchExtensions
                {
                    public static IApplicationBuilder MapGet(this IApplicationBuilder app, string path, RequestDelegate handler) => app;
                }
            }

            public static class Api
            {
                public static void Configure(IApplicationBuilder app) => app.MapGet("/branch", context => context.Response.WriteAsync("x"));
            }
            """),
        ("a MapGet extension in the Builder namespace without a handler is no mapping", Usings + """
            namespace Microsoft.AspNetCore.Builder
            {
                public static class CannedRouteExtensions
                {
                    // No handler parameter: the mapping is the one inside.
                    public static IEndpointConventionBuilder MapGet(this IEndpointRouteBuilder endpoints, string pattern) =>
                        endpoints.MapGet(pattern, () => "canned").RequireScope(Scopes.Workflow.Read);
                }
            }

            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/canned");
            }
            """),

        // ---- controllers ----
        ("controller: one covered action, one not", Usings + """
            [ApiController]
            [Route("api/v1/workflows")]
            public class WorkflowsController : ControllerBase
            {
                [HttpGet]
                [RequireScope(Scopes.Workflow.List)]
                public IActionResult List() => Ok();

                [HttpDelete("{id}")]
                public IActionResult {|SCOPE001:Delete|}(string id) => Ok(id);
            }
            """),
        ("controller: [RequireScope] on the class", Usings + """
            [RequireScope(Scopes.Tag.Read)]
            public class TagsController : ControllerBase
            {
                public IActionResult Get(string id) => Ok(id);
                public IActionResult List() => Ok();
            }
            """),
        ("controller: [RequireScope] inherited from a base class", Usings + """
            [RequireScope(Scopes.Tag.Read)]
            public abstract class ScopedControllerBase : ControllerBase
            {
            }

            public class TagsController : ScopedControllerBase
            {
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("controller: [AllowAnonymous] class with a [RequireScope] method", Usings + """
            [AllowAnonymous]
            public class HealthController : ControllerBase
            {
                public IActionResult Get() => Ok();

                [RequireScope(Scopes.Insights.Read)]
                public IActionResult Insights() => Ok();
            }
            """),
        ("controller: bare [Authorize] does not cover", Usings + """
            [Authorize]
            public class UsersController : ControllerBase
            {
                [HttpGet]
                public IActionResult {|SCOPE001:List|}() => Ok();

                [Authorize(Policy = Scopes.User.Read)]
                [HttpGet("{id}")]
                public IActionResult Get(string id) => Ok(id);

                [Authorize(Roles = "admin")]
                [HttpDelete("{id}")]
                public IActionResult {|SCOPE001:Delete|}(string id) => Ok(id);
            }
            """),
        ("POCO controller without a base class", Usings + """
            public class ProjectsController
            {
                public string {|SCOPE001:List|}() => "x";

                [RequireScope(Scopes.Project.Create)]
                public string Create() => "x";
            }
            """),
        ("POCO controller by [Controller]", Usings + """
            [Controller]
            public class Variables
            {
                public string {|SCOPE001:List|}() => "x";
            }
            """),
        ("[ApiController] on a class not named Controller", Usings + """
            [ApiController]
            public class Executions : ControllerBase
            {
                [HttpGet]
                public IActionResult {|SCOPE001:List|}() => Ok();
            }
            """),
        ("[ApiController] alone on a class not named Controller", Usings + """
            // Not on ControllerBase (whose own [Controller] would decide): the attribute derived from [Controller] does.
            [ApiController]
            public class Variables
            {
                public string {|SCOPE001:List|}() => "x";
            }
            """),
        ("[Controller] inherited from a base class", Usings + """
            [Controller]
            public abstract class ApiBase
            {
            }

            public class Credentials : ApiBase
            {
                public string {|SCOPE001:List|}() => "x";
            }
            """),
        ("[NonController] and types MVC ignores", Usings + """
            [NonController]
            public class HelperController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            internal class InternalController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            public abstract class AbstractController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            public class GenericController<T> : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            public static class Outer
            {
                public class NestedController : ControllerBase
                {
                    public IActionResult Get() => Ok();
                }
            }
            """),
        ("methods that are not actions", Usings + """
            public class FoldersController : Controller
            {
                [NonAction]
                public IActionResult Helper() => Ok();

                public static string Static() => "x";

                protected string Protected() => "x";

                internal string Internal() => "x";

                public string Generic<T>() => "x";

                public override string ToString() => "x";

                public override bool Equals(object? obj) => false;

                public override int GetHashCode() => 0;

                protected override void Dispose(bool disposing) => base.Dispose(disposing);

                [RequireScope(Scopes.Folder.List)]
                public IActionResult List() => View();

                public string Property => "x";
            }
            """),
        ("POCO controller Dispose is not an action", Usings + """
            public class ArchiveController : IDisposable
            {
                public void Dispose() { }

                [AllowAnonymous]
                public string Get() => "x";
            }
            """),
        ("generic base controller: inherited actions reported on the controller", Usings + """
            public abstract class CrudController<T> : ControllerBase
            {
                [HttpGet("{id}")]
                public T? Get(string id) => default;

                [RequireScope(Scopes.Tag.Delete)]
                [HttpDelete("{id}")]
                public IActionResult Delete(string id) => Ok(id);
            }

            [Route("tags")]
            public class {|SCOPE001:TagsController|} : CrudController<string>
            {
            }

            [RequireScope(Scopes.User.Read)]
            public class UsersController : CrudController<int>
            {
            }
            """),
        ("partial controller", Usings + """
            public partial class CredentialsController : ControllerBase
            {
                [RequireScope(Scopes.Credential.List)]
                public IActionResult List() => Ok();
            }

            public partial class CredentialsController
            {
                public IActionResult {|SCOPE001:Transfer|}(string id) => Ok(id);
            }
            """),
        ("override inherits [RequireScope] from the base action", Usings + """
            public abstract class ReadControllerBase : ControllerBase
            {
                [RequireScope(Scopes.Execution.Read)]
                public virtual IActionResult Get(string id) => Ok(id);
            }

            public class ExecutionsController : ReadControllerBase
            {
                public override IActionResult Get(string id) => Ok("override " + id);
            }
            """),
    };

    /// <summary>Application shapes (top-level statements, static local functions).</summary>
    public static IReadOnlyList<(string Name, string Source)> ProgramCases { get; } = new List<(string, string)>
    {
        ("top-level statements", Usings + """
            var app = WebApplication.Create();
            app.{|SCOPE001:MapGet|}("/workflows", () => "x");
            app.MapGet("/workflows/{id}", (string id) => id).RequireScope(Scopes.Workflow.Read);
            var api = app.MapGroup("/api").RequireScope(Scopes.Tag.List);
            api.MapGet("/tags", () => "x");
            app.Run();
            """),
        ("static local functions in top-level statements", Usings + """
            var app = WebApplication.Create();
            MapTags(app.MapGroup("/tags").RequireScope(Scopes.Tag.List));
            MapOpen(app);
            app.Run();

            static void MapTags(IEndpointRouteBuilder routes)
            {
                routes.MapGet("", () => "x");
            }

            static void MapOpen(IEndpointRouteBuilder routes)
            {
                routes.{|SCOPE001:MapGet|}("/open", () => "x");
            }
            """),
        ("public helper in an application: all callers are known", Usings + """
            var app = WebApplication.Create();
            Endpoints.MapUsers(app.MapGroup("/users").RequireScope(Scopes.User.List));
            app.Run();

            public static class Endpoints
            {
                public static void MapUsers(RouteGroupBuilder group) => group.MapGet("", () => "x");
            }
            """),
        ("MapControllers with RequireScope covers every controller", Usings + """
            var app = WebApplication.Create();
            app.MapControllers().RequireScope(Scopes.Workflow.Read);
            app.Run();

            public class WorkflowsController : ControllerBase
            {
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("MapControllers called twice, once without a convention: controllers are not covered", Usings + """
            var app = WebApplication.Create();
            app.MapControllers().RequireScope(Scopes.Workflow.Read);
            app.MapControllers();
            app.Run();

            public class WorkflowsController : ControllerBase
            {
                public IActionResult {|SCOPE001:Get|}(string id) => Ok(id);
            }
            """),
        ("MapControllers without a convention covers nothing", Usings + """
            var app = WebApplication.Create();
            app.MapControllers();
            app.Run();

            public class WorkflowsController : ControllerBase
            {
                public IActionResult {|SCOPE001:Get|}(string id) => Ok(id);
            }
            """),
    };
}
