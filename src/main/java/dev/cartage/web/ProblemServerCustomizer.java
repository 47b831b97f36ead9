package dev.cartage.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Installs {@link BodilessErrorProblems} on every connection, right after the HTTP codec. */
@Component
class ProblemServerCustomizer implements NettyServerCustomizer {

    private static final BodilessErrorProblems HANDLER = new BodilessErrorProblems();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(BodilessErrorProblems.NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, BodilessErrorProblems.NAME, HANDLER);
            }
        });
    }
}
