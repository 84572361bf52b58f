import { strict as assert } from "assert";
import {
    containerDefinition,
    imageReference,
    loadBalancerArnSuffix,
    variableNameProblems,
} from "../../../../services/sdk/container-definition";

describe("container definitions", () => {
    const spec = {
        name: "orders",
        image: "repo@sha256:x",
        user: "1000:1000",
        containerPort: 8080,
        environment: { B: "2", A: "1" },
        secrets: [
            { name: "Z_KEY", valueFrom: "arn:z" },
            { name: "A_KEY", valueFrom: "arn:a" },
        ],
        logGroupName: "/edf/dev/services/orders",
        region: "eu-west-1",
    };

    it("is hardened by default: non-root, read-only root, unprivileged, no capabilities, an init process, a scratch /tmp", () => {
        const c = containerDefinition(spec) as Record<string, any>;
        assert.equal(c.user, "1000:1000");
        assert.equal(c.readonlyRootFilesystem, true);
        assert.equal(c.privileged, false);
        assert.deepEqual(c.linuxParameters, { initProcessEnabled: true, capabilities: { drop: ["ALL"] } });
        assert.deepEqual(c.mountPoints, [{ sourceVolume: "scratch", containerPath: "/tmp", readOnly: false }]);
        assert.deepEqual(c.logConfiguration.options, {
            "awslogs-group": "/edf/dev/services/orders",
            "awslogs-region": "eu-west-1",
            "awslogs-stream-prefix": "orders",
        });
    });

    it("orders variables and secrets so the definition changes only when a value does", () => {
        const c = containerDefinition(spec) as Record<string, any>;
        assert.deepEqual(c.environment, [
            { name: "A", value: "1" },
            { name: "B", value: "2" },
        ]);
        assert.deepEqual(
            c.secrets.map((s: { name: string }) => s.name),
            ["A_KEY", "Z_KEY"],
        );
    });

    it("opens no port for a worker", () => {
        assert.deepEqual((containerDefinition({ ...spec, containerPort: undefined }) as Record<string, any>).portMappings, []);
    });

    it("references the image by digest when given, else by tag", () => {
        assert.equal(imageReference("r", { digest: "sha256:1", tag: "v1" }), "r@sha256:1");
        assert.equal(imageReference("r", { tag: "v1" }), "r:v1");
        assert.equal(imageReference("r", {}), "r:latest");
    });

    it("refuses invalid variable names and a name that is both plain and secret", () => {
        assert.deepEqual(variableNameProblems(["OK", "1BAD"], ["DB_PASSWORD", "OK"]), [
            "`environmentVariables.1BAD` is not a valid variable name: use " +
                "letters, digits and `_`, not starting with a digit (e.g. `DB_HOST`).",
            "`OK` is both in `environmentVariables` and `secrets`: keep it in `secrets` only.",
        ]);
    });

    it("finds the ALB's resource label part of its ARN", () => {
        assert.equal(loadBalancerArnSuffix("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/edf-dev/abc"), "app/edf-dev/abc");
    });
});
