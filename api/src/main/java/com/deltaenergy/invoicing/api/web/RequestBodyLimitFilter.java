package com.deltaenergy.invoicing.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: at once when the
 * Content-Length says so, while reading when the body is chunked (the read then fails with
 * {@link PayloadTooLargeException}, which the exception handler answers).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long bodyLimitBytes;
  private final long importLimitBytes;

  public RequestBodyLimitFilter(RequestLimits limits) {
    this.bodyLimitBytes = limits.maxBody().toBytes();
    this.importLimitBytes = limits.maxImport().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limitBytes =
        RequestLimits.IMPORT_PATH.equals(request.getRequestURI())
                || RequestLimits.CONSOLE_IMPORT_PATH.equals(request.getRequestURI())
            ? importLimitBytes
            : bodyLimitBytes;
    if (request.getContentLengthLong() > limitBytes) {
      // answered by the error page (ProblemErrorController) as problem+json
      response.sendError(
          HttpStatus.PAYLOAD_TOO_LARGE.value(), "the request body is larger than " + limitBytes + " bytes");
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, limitBytes), response);
  }

  private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
    private final long limitBytes;
    private ServletInputStream limited;

    LimitedBodyRequest(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), limitBytes);
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limitBytes;
    private long read;

    LimitedInputStream(ServletInputStream in, long limitBytes) {
      this.in = in;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      read += n;
      if (read > limitBytes) {
        throw new PayloadTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
