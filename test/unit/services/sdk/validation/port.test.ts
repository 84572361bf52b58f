import { strict as assert } from "assert";
import { containerPortProblems } from "../../../../../services/sdk/validation/port";

describe("container ports", () => {
    it("accepts unprivileged ports", () => {
        for (const port of [1024, 8080, 65535]) {
            assert.deepEqual(containerPortProblems(port), []);
        }
    });

    it("refuses privileged ports because the container is not root, and says what to use", () => {
        assert.equal(
            containerPortProblems(80)[0],
            "`containerPort` is `80`: containers run as a non-root user and cannot " +
                "bind ports below 1024; listen on `8080` (the load balancer still " +
                "serves HTTPS on 443).",
        );
    });

    it("refuses ports outside the TCP range and non-integers", () => {
        assert.match(containerPortProblems(0)[0], /use a port from 1024 to 65535/);
        assert.match(containerPortProblems(70000)[0], /use a port from 1024 to 65535/);
        assert.match(containerPortProblems(8080.5)[0], /must be a whole number/);
        assert.match(containerPortProblems("8080", "http.port")[0], /^`http.port`/);
    });
});
