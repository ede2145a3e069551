import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics under ChartMuseum's names, so existing dashboards keep working:
 * `chartmuseum_charts_served_total{repo}`, `chartmuseum_chart_versions_served_total{repo}`,
 * `chartmuseum_requests_total`, `chartmuseum_request_duration_seconds`, and request/response size summaries.
 * The `url` label is the route template, never the raw path, to bound cardinality.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly charts = new Gauge({ name: 'chartmuseum_charts_served_total', help: 'Total number of charts', labelNames: ['repo'], registers: [this.registry] });
  private readonly versions = new Gauge({ name: 'chartmuseum_chart_versions_served_total', help: 'Total number of chart versions available', labelNames: ['repo'], registers: [this.registry] });
  private readonly requests = new Counter({ name: 'chartmuseum_requests_total', help: 'How many HTTP requests processed, partitioned by status code and HTTP method.', labelNames: ['code', 'method', 'handler', 'host', 'url'], registers: [this.registry] });
  private readonly duration = new Histogram({ name: 'chartmuseum_request_duration_seconds', help: 'The HTTP request latencies in seconds.', labelNames: ['code', 'method', 'url'], registers: [this.registry] });
  private readonly requestSize = new Summary({ name: 'chartmuseum_request_size_bytes', help: 'The HTTP request sizes in bytes.', registers: [this.registry] });
  private readonly responseSize = new Summary({ name: 'chartmuseum_response_size_bytes', help: 'The HTTP response sizes in bytes.', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records the chart and version counts of a tenant (`repo` label: the tenant path, '' at depth 0). */
  setServed(repo: string, charts: number, versions: number): void {
    this.charts.set({ repo }, charts);
    this.versions.set({ repo }, versions);
  }

  /** Records one finished request; 404 and 405 are not recorded, as in ChartMuseum. */
  observe(request: { code: number; method: string; handler: string; host: string; url: string; seconds: number; requestBytes: number; responseBytes: number }): void {
    if (request.code === 404 || request.code === 405) return;
    const code = String(request.code);
    this.requests.inc({ code, method: request.method, handler: request.handler, host: request.host, url: request.url });
    this.duration.observe({ code, method: request.method, url: request.url }, request.seconds);
    this.requestSize.observe(request.requestBytes);
    this.responseSize.observe(request.responseBytes);
  }
}
