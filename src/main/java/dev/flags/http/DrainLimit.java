package dev.flags.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A network interceptor that keeps OkHttp from reading the rest of a body nobody wants. When a
 * response is closed before its body ends, OkHttp reads and drops the rest for up to 100 ms, to
 * keep the connection for the next request; on loopback that is about 100 MB of a hostile "5 GB"
 * body refused for being too large, or of a huge error page. Here, a body closed with more than
 * {@link #MAX_DRAIN} bytes left (or an unknown amount) is cut instead: its connection is closed,
 * not reused. A short 404 page is still read to its end, so its connection serves the next flag.
 */
final class DrainLimit implements Interceptor {
  static final long MAX_DRAIN = 64 * 1024;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    return response.newBuilder().body(new CutBody(body)).build();
  }

  /** The body, cut rather than drained when closed early. */
  private static final class CutBody extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    CutBody(ResponseBody body) {
      this.body = body;
      this.source = Okio.buffer(new Cutting(body.source(), body.contentLength()));
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }

  private static final class Cutting extends ForwardingSource {
    private final long length;
    private long read;
    private boolean exhausted;

    Cutting(BufferedSource source, long length) {
      super(source);
      this.length = length;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n == -1) {
        exhausted = true;
      } else {
        read += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!exhausted && (length < 0 || length - read > MAX_DRAIN)) {
        // A deadline already passed: OkHttp's drain stops at once, and the connection is dropped.
        delegate().timeout().deadlineNanoTime(System.nanoTime());
      }
      super.close();
    }
  }
}
