package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler serves the page and its resources, a fixed set of paths: no
// path of a request ever reaches the file system, and nothing changes
// anything. Every answer comes from the last complete build.
func (s *Server) Handler() http.Handler {
	// A fixed table, looked up as requested: a path that is not exactly
	// one of these (../, //, %2e%2e) is 404, never cleaned and redirected.
	routes := map[string]http.HandlerFunc{
		"/":              s.page,
		"/live":          s.live,
		"/events":        s.events,
		"/app.js":        static("text/javascript; charset=utf-8", appJS),
		"/app.css":       static("text/css; charset=utf-8", appCSS),
		"/briefing.pdf":  s.file(func(b *Build) *File { return b.PDF }, "application/pdf"),
		"/briefing.xlsx": s.file(func(b *Build) *File { return b.XLSX }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: this server changes nothing", http.StatusMethodNotAllowed)
			return
		}
		if s.opt.Loopback && !loopbackHost(r.Host) {
			http.Error(w, "forbidden: this server answers requests to localhost only", http.StatusForbidden)
			return
		}
		route, ok := routes[r.URL.EscapedPath()]
		if !ok {
			http.NotFound(w, r)
			return
		}
		route(w, r)
	})
}

// loopbackHost reports whether a request's Host names this machine's
// loopback interface.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	b := s.Current()
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, view(b)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// live is the parts of the page a rebuild changes, for the page's script.
func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	v := view(s.Current())
	var head, details bytes.Buffer
	if err := pageTmpl.ExecuteTemplate(&head, "head", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := pageTmpl.ExecuteTemplate(&details, "details", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"build": v.Seq, "pdf": v.PDFSeq, "title": v.DocTitle, "head": head.String(), "details": details.String(),
	})
}

// file serves one output of the last build that made it: inline, or as a
// download with its file name when asked (?download).
func (s *Server) file(pick func(*Build) *File, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var f *File
		if b := s.Current(); b != nil {
			f = pick(b)
		}
		if f == nil {
			http.Error(w, "not built yet: fix the problems the page lists", http.StatusNotFound)
			return
		}
		disp := "inline"
		if r.URL.Query().Has("download") || !strings.HasPrefix(ctype, "application/pdf") {
			disp = "attachment"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disp, f.Name))
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.Data))
	}
}

// events is a Server-Sent Events stream: "build" with the number of the
// newest build, at once and after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	if r.Method == http.MethodHead {
		return // no body: a stream would never end
	}
	ch := s.subscribe()
	defer s.unsubscribe(ch)
	seq := 0
	if b := s.Current(); b != nil {
		seq = b.Seq
	}
	fmt.Fprintf(w, "retry: 1000\nevent: build\ndata: %d\n\n", seq)
	fl.Flush()
	keep := time.NewTicker(15 * time.Second) // proxies and browsers drop silent streams
	defer keep.Stop()
	for {
		select {
		case seq := <-ch:
			fmt.Fprintf(w, "event: build\ndata: %d\n\n", seq)
		case <-keep.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		fl.Flush()
	}
}

// pageView is what the templates show of a build.
type pageView struct {
	*Build
	DocTitle string
	PDFSeq   int
	Shown    []string // warnings, the first maxWarnings
	Hidden   int
}

// maxWarnings bounds the warnings listed on the page; a large archive
// can have thousands, which the workbook's Diagnostics sheet lists.
const maxWarnings = 200

func view(b *Build) pageView {
	if b == nil {
		b = &Build{}
	}
	v := pageView{Build: b, DocTitle: "briefing serve"}
	if b.Title != "" {
		v.DocTitle = b.Title + " – briefing serve"
	}
	if b.PDF != nil {
		v.PDFSeq = b.PDF.Seq
	}
	v.Shown = b.Warnings
	if len(v.Shown) > maxWarnings {
		v.Shown, v.Hidden = v.Shown[:maxWarnings], len(v.Shown)-maxWarnings
	}
	return v
}

// static serves a fixed text: the page's script and style sheet, files
// of their own since the page's Content-Security-Policy allows nothing
// inline.
func static(ctype, text string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write([]byte(text))
	}
}

const appCSS = `body { font-family: sans-serif; margin: 1em 2em; color: #222; }
#state.ok { color: #1a6b1a; } #state.stale, #state.failed { color: #a01818; font-weight: bold; }
#problems li, #warnings li { font-family: monospace; white-space: pre-wrap; }
#problems { border-left: 4px solid #a01818; padding-left: 1em; }
iframe { width: 100%; height: 80vh; border: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: right; border-bottom: 1px solid #eee; }
td:first-child, th:first-child { text-align: left; }
`

// appJS follows the event stream: on each new build it fetches the
// changed parts of the page, and reloads the PDF frame only when the PDF
// changed.
const appJS = `"use strict";
const live = document.getElementById("live");
const details = document.getElementById("details");
const frame = document.getElementById("pdf");
let build = live.dataset.build, pdf = live.dataset.pdf;
const stream = new EventSource("/events");
stream.addEventListener("build", async (e) => {
  if (e.data === build) return;
  const r = await fetch("/live", {cache: "no-store"});
  if (!r.ok) return;
  const v = await r.json();
  build = String(v.build);
  live.dataset.build = build;
  live.innerHTML = v.head;
  details.innerHTML = v.details;
  document.title = v.title;
  if (String(v.pdf) !== pdf) {
    pdf = String(v.pdf);
    live.dataset.pdf = pdf;
    frame.hidden = pdf === "0";
    frame.src = "/briefing.pdf?build=" + pdf;
  }
});
`

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"ms":       func(d time.Duration) string { return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 0, 64) },
	"clock":    func(t time.Time) string { return t.Format("15:04:05") },
	"problems": func(n int) string { return plural(n, "problem", "problems") },
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.DocTitle}}</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<main id="live" data-build="{{.Seq}}" data-pdf="{{.PDFSeq}}">{{template "head" .}}</main>
<iframe id="pdf" title="the briefing note (PDF)" src="/briefing.pdf?build={{.PDFSeq}}"{{if not .PDF}} hidden{{end}}></iframe>
<div id="details">{{template "details" .}}</div>
<script src="/app.js"></script>
</body>
</html>
{{define "head"}}<h1 id="title">{{if .Title}}{{.Title}}{{else}}No briefing built yet{{end}}</h1>
{{if .Period}}<p id="period">{{.Period}}</p>{{end}}
{{if .Problems}}{{if .Stale}}<p id="state" class="stale">Out of date: the input has {{problems (len .Problems)}}. The PDF and workbook below are build {{.PDF.Seq}}, the last without problems.</p>
{{else}}<p id="state" class="failed">The input has {{problems (len .Problems)}}; nothing has been built yet.</p>
{{end}}<section id="problems"><h2>Problems</h2><ul>
{{range .Problems}}<li>{{.}}</li>
{{end}}</ul></section>
{{else}}<p id="state" class="ok">Up to date: build {{.Seq}} at {{clock .At}} in {{ms .Duration}} ms.</p>
{{end}}{{if .PDF}}<p id="downloads">Download: <a id="pdf-link" href="/briefing.pdf?download&amp;build={{.PDF.Seq}}">{{.PDF.Name}}</a>{{if .XLSX}} · <a id="xlsx-link" href="/briefing.xlsx?build={{.XLSX.Seq}}">{{.XLSX.Name}}</a>{{end}}</p>{{end}}{{end}}
{{define "details"}}<section id="warnings"><h2>Warnings ({{len .Warnings}})</h2>
{{if .Warnings}}<ul>
{{range .Shown}}<li>{{.}}</li>
{{end}}</ul>{{if .Hidden}}<p>and {{.Hidden}} more: the workbook's Diagnostics sheet lists them all.</p>{{end}}{{else}}<p>None.</p>{{end}}</section>
{{with .Summary}}<section id="summary"><h2>Summary</h2>
<p>{{.Totals}}</p>
<table><thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody></table></section>{{end}}{{end}}
`))
