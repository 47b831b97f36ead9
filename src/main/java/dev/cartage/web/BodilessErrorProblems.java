package dev.cartage.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Gives a problem body to the error answers that never reach Spring: Reactor Netty answers a request line that is
 * too long (414), headers that are too large (431) or bytes that are not HTTP (400), and Spring answers a URL it
 * cannot parse (a stray {@code %}) with a bare 400 — all with an empty body. docs/api.md promises every error as
 * {@code application/problem+json}, so this handler, sitting just after the HTTP codec, fills in any empty
 * error answer that has no Content-Type. Answers made by the application always carry one and pass untouched.
 * To a HEAD request the codec after this handler sends the headers only, as HTTP requires.
 */
@ChannelHandler.Sharable
final class BodilessErrorProblems extends ChannelOutboundHandlerAdapter {

    static final String NAME = "cartage.bodilessErrorProblems";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && needsBody(response)) {
            byte[] body = problem(response.status().code()).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            filled.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            filled.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            super.write(ctx, filled, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static boolean needsBody(FullHttpResponse response) {
        return response.status().code() >= 400
                && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    /** The problem JSON for a status; the texts hold no character that JSON would need escaped. */
    static String problem(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        return "{\"type\":\"" + ProblemWording.typeOf(code) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status, title) + "\"}";
    }

    private static String detail(int status, String title) {
        switch (status) {
            case 414:
                return "the request line (method and URL) is longer than the server reads "
                        + "(server.netty.max-initial-line-length, 4KB by default); give long URLs in a request "
                        + "body instead, e.g. as a source of POST /api/runs";
            case 431:
                return "the request headers are larger than the server reads "
                        + "(server.max-http-request-header-size, 8KB by default); send fewer or shorter headers";
            case 400:
                return "the request is not valid HTTP or its URL cannot be parsed (a percent sign must be followed "
                        + "by two hex digits); percent-encode the special characters of query parameters";
            default:
                return "the request cannot be answered: " + title;
        }
    }
}
