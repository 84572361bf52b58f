import { strict as assert } from "assert";
import {
    invokeScope,
    pathParameters,
    pathSlug,
    resourceTree,
    routePathProblems,
    routeProblems,
} from "../../../../services/sdk/http-api-routes";

const fn = { function: {} };

describe("HttpApi routes (pure)", () => {
    it("build each REST resource once, parents first", () => {
        assert.deepEqual(
            resourceTree(["/orders/{id}", "/orders", "/", "/orders/{id}/items"]).map((n) => [n.path, n.parentPath, n.part]),
            [
                ["/orders", "/", "orders"],
                ["/orders/{id}", "/orders", "{id}"],
                ["/orders/{id}/items", "/orders/{id}", "items"],
            ],
        );
    });

    it("scope invoke permissions to the stage, method and path, parameters as *", () => {
        assert.equal(invokeScope("v1", "GET", "/orders/{id}"), "v1/GET/orders/*");
        assert.equal(invokeScope("v1", "ANY", "/{proxy+}"), "v1/*/*");
        assert.equal(invokeScope("live", "POST", "/"), "live/POST/");
    });

    it("name paths readably and find their parameters", () => {
        assert.deepEqual(["/", "/orders/{id}", "/files/{path+}"].map(pathSlug), ["root", "orders-id", "files-path-greedy"]);
        assert.deepEqual(pathParameters("/a/{id}/b/{rest+}"), ["id", "rest"]);
    });

    it("refuse malformed paths", () => {
        assert.deepEqual(routePathProblems("/orders/{id}", "p"), []);
        assert.match(routePathProblems("orders", "p")[0], /a path starts with `\/`/);
        assert.match(routePathProblems("/a b", "p")[0], /has the segment `a b`/);
        assert.match(routePathProblems("/{rest+}/x", "p")[0], /must be the last segment/);
    });

    it("require an authoriser on every route, once per method and path, and HTTPS backends", () => {
        assert.deepEqual(routeProblems([{ method: "GET", path: "/a", target: fn }], ["only"]), []);
        const problems = routeProblems(
            [
                { method: "GET", path: "/a", target: fn, authorizer: "none" },
                { method: "GET", path: "/a", target: fn, authorizer: "ghost" },
                { method: "FETCH", path: "/b", target: { baseUrl: "http://b" } },
            ],
            ["x", "y"],
        );
        assert.equal(problems.length, 6, problems.join("\n"));
        assert.match(routeProblems([], ["x"])[0], /`routes` is empty/);
        assert.match(routeProblems([{ method: "GET", path: "/a", target: fn }], [])[0], /`authorizers` is empty/);
        assert.match(
            routeProblems(
                [
                    { method: "GET", path: "/a-b", target: fn },
                    { method: "GET", path: "/a/b", target: fn },
                ],
                ["x"],
            )[0],
            /too alike/,
        );
    });
});
