package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

import java.util.ArrayList;
import java.util.List;

/**
 * The resources over a fleet: the first gateway's at the usual URIs ({@code leash://state}), and with several
 * gateways each one's also under its name ({@code leash://NAME/state}).
 */
final class FleetResources {

    private FleetResources() {
    }

    static List<SyncResourceSpecification> all(Fleet fleet) {
        Fleet.Member first = fleet.first();
        List<SyncResourceSpecification> out = new ArrayList<>(new Resources(first.gateway(), first.snapshot()).all());
        if (fleet.several()) {
            for (Fleet.Member m : fleet.members()) {
                for (SyncResourceSpecification r : new Resources(m.gateway(), m.snapshot()).all()) {
                    out.add(scoped(r, m.name()));
                }
            }
        }
        return out;
    }

    /** The resource at {@code leash://NAME/...}, read as the unscoped one of that gateway. */
    private static SyncResourceSpecification scoped(SyncResourceSpecification r, String name) {
        Resource base = r.resource();
        String uri = Fleet.scoped(base.uri(), name);
        Resource res = Resource.builder(uri, name + "-" + base.name())
                .description(base.description() + " (gateway " + name + ")").mimeType(base.mimeType()).build();
        return new SyncResourceSpecification(res, (exchange, request) -> {
            ReadResourceResult inner = r.readHandler().apply(exchange,
                    new ReadResourceRequest(base.uri(), request.meta()));
            List<ResourceContents> contents = new ArrayList<>();
            for (ResourceContents c : inner.contents()) {
                contents.add(c instanceof TextResourceContents t
                        ? TextResourceContents.builder(uri, t.text()).mimeType(t.mimeType()).build() : c);
            }
            return ReadResourceResult.builder(contents).build();
        });
    }
}
