package dev.cartage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/** The Netty handler fills in empty error answers only, and a HEAD answer still goes out without a body. */
class BodilessErrorProblemsTest {

    @Test
    void anEmptyErrorAnswerGetsAProblemBody() {
        EmbeddedChannel channel = new EmbeddedChannel(new BodilessErrorProblems());

        channel.writeOutbound(answer(HttpResponseStatus.REQUEST_URI_TOO_LONG, null));

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        String body = sent.content().toString(StandardCharsets.UTF_8);
        assertThat(sent.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(body.length());
        assertThat(body).startsWith("{\"type\":\"https://cartage.dev/problems/uri-too-long\",\"title\":\"Request-URI Too Long\",\"status\":414,")
                .contains("max-initial-line-length");
        sent.release();
    }

    @Test
    void anAnswerWithAContentTypeOrASuccessPassesUntouched() {
        EmbeddedChannel channel = new EmbeddedChannel(new BodilessErrorProblems());

        channel.writeOutbound(answer(HttpResponseStatus.NOT_FOUND, "application/problem+json"));
        channel.writeOutbound(answer(HttpResponseStatus.NO_CONTENT, null));

        FullHttpResponse problem = channel.readOutbound();
        FullHttpResponse empty = channel.readOutbound();
        assertThat(problem.content().readableBytes()).isZero();
        assertThat(empty.headers().contains(HttpHeaderNames.CONTENT_TYPE)).isFalse();
        problem.release();
        empty.release();
    }

    @Test
    void aHeadAnswerKeepsItsHeadersButSendsNoBody() {
        String wire = exchangeOnTheWire("HEAD");

        assertThat(wire).contains("content-type: application/problem+json").endsWith("\r\n\r\n");
    }

    @Test
    void aGetAnswerSendsTheBodyOnTheWire() {
        String wire = exchangeOnTheWire("GET");

        assertThat(wire).contains("content-type: application/problem+json").endsWith("}");
    }

    /** A request through a real server codec, answered with an empty 400; what the codec writes. */
    private static String exchangeOnTheWire(String method) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new BodilessErrorProblems());
        channel.writeInbound(Unpooled.copiedBuffer(method + " /api/runs HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.US_ASCII));
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            ReferenceCountUtil.release(read);
        }
        channel.writeOutbound(answer(HttpResponseStatus.BAD_REQUEST, null));
        StringBuilder wire = new StringBuilder();
        for (ByteBuf bytes = channel.readOutbound(); bytes != null; bytes = channel.readOutbound()) {
            wire.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        channel.finishAndReleaseAll();
        return wire.toString();
    }

    private static FullHttpResponse answer(HttpResponseStatus status, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.buffer(0));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        return response;
    }
}
