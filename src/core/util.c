/* util.c — small helpers shared by the core. */
#include "config.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void util_fatal_cleanup(void)
{
	void (*hook)(void) = fatal_hook;
	fatal_hook = NULL; /* once, even if the hook itself fails */
	if (hook)
		hook();
}

static void out_of_memory(void)
{
	static const char msg[] = "stetig: out of memory\n";
	util_fatal_cleanup();
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nothing left to report to */
	}
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s ? s : "", strlen(s ? s : ""));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void xgrow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	*p = xrealloc(*p, n * sz);
	*cap = n;
}

void str_set(char **dst, const char *src)
{
	char *copy = xstrdup(src);
	free(*dst);
	*dst = copy;
}

void str_take(char **dst, char *value)
{
	free(*dst);
	*dst = value;
}

bool str_empty(const char *s)
{
	return !s || !*s;
}

char *str_trim(char *s)
{
	char *start = s;
	while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
		start++;
	size_t n = strlen(start);
	while (n && (start[n - 1] == ' ' || start[n - 1] == '\t' ||
		     start[n - 1] == '\n' || start[n - 1] == '\r'))
		n--;
	memmove(s, start, n);
	s[n] = '\0';
	return s;
}

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	xgrow((void **)&b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	xgrow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buf_steal(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	buf_init(b);
	return s;
}

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t need;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (need >= n)
		goto bad;
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return need + 1;
bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

/* The one step the walkers below share: the character at s[i] of a
 * NUL-terminated string, and its byte length. */
static size_t decode_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
	return utf8_decode(s + i, len - i, cp);
}

bool utf8_valid(const char *str, size_t len, size_t *bad_off)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(str + i, len - i, &cp);
		/* U+FFFD itself is three bytes; a one-byte U+FFFD is a bad byte */
		if (cp == 0 || (cp == UTF8_REPLACEMENT && k == 1)) {
			if (bad_off)
				*bad_off = i;
			return false;
		}
		i += k;
	}
	return true;
}

size_t utf8_encode(uint32_t c, char out[4])
{
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		c = UTF8_REPLACEMENT;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

bool uchar_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool uchar_is_bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

uint32_t uchar_display(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return ' ';
	if (uchar_is_control(c) || uchar_is_bidi_control(c) || wcwidth((wchar_t)c) < 0)
		return UTF8_REPLACEMENT;
	return c;
}

int uchar_width(uint32_t c)
{
	int w = wcwidth((wchar_t)uchar_display(c));
	return w < 0 ? 1 : w;
}

int utf8_width(const char *s)
{
	if (!s)
		return 0;
	size_t len = strlen(s), i = 0;
	int width = 0;
	while (i < len) {
		uint32_t cp;
		i += decode_at(s, len, i, &cp);
		width += uchar_width(cp);
	}
	return width;
}

/* Whether text_neutral replaces c. */
static bool steers(uint32_t c, int flags)
{
	if ((flags & TEXT_KEEP_LINES) && (c == '\t' || c == '\n' || c == '\r'))
		return false;
	return uchar_is_control(c) || uchar_is_bidi_control(c);
}

bool text_needs_neutral(const char *s, int flags)
{
	if (!s)
		return false;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = decode_at(s, len, i, &cp);
		if ((cp == UTF8_REPLACEMENT && k == 1) || steers(cp, flags))
			return true;
		i += k;
	}
	return false;
}

char *text_neutral(const char *s, int flags, size_t max_chars)
{
	struct buf b;
	buf_init(&b);
	s = s ? s : "";
	size_t len = strlen(s), i = 0, chars = 0;
	while (i < len && chars < max_chars) {
		uint32_t cp;
		size_t k = decode_at(s, len, i, &cp);
		if (steers(cp, flags))
			cp = UTF8_REPLACEMENT;
		if (cp == UTF8_REPLACEMENT) {
			buf_adds(&b, "\xEF\xBF\xBD");
		} else {
			buf_add(&b, s + i, k);
		}
		i += k;
		chars++;
	}
	if (!b.data)
		buf_adds(&b, "");
	return buf_steal(&b);
}

char *str_printable(const char *s)
{
	return text_neutral(s, 0, SIZE_MAX);
}

size_t utf8_chars(const char *s)
{
	size_t len = strlen(s), i = 0, n = 0;
	while (i < len) {
		uint32_t cp;
		i += decode_at(s, len, i, &cp);
		n++;
	}
	return n;
}

size_t utf8_prefix(const char *s, size_t max_chars)
{
	size_t len = strlen(s), i = 0, chars = 0;
	while (i < len && chars < max_chars) {
		uint32_t cp;
		i += decode_at(s, len, i, &cp);
		chars++;
	}
	return i;
}

bool ascii_equal_fold(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return false;
		if (!x)
			return true;
	}
}

uint32_t uchar_fold(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (c == 0x1E9E) /* capital sharp s */
		return 0xDF;
	return c;
}

bool text_equal_fold(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0, k = 0;
	while (i < la && k < lb) {
		uint32_t x, y;
		i += decode_at(a, la, i, &x);
		k += decode_at(b, lb, k, &y);
		if (uchar_fold(x) != uchar_fold(y))
			return false;
	}
	return i == la && k == lb;
}

size_t text_fold_lower(const char *s, size_t len, char *out, size_t n, bool *all)
{
	size_t i = 0, k = 0;
	while (i < len) {
		uint32_t c;
		size_t step = decode_at(s, len, i, &c);
		if (!step)
			break;
		char enc[4];
		size_t w = utf8_encode(uchar_fold(c), enc);
		if (k + w >= n)
			break;
		memcpy(out + k, enc, w);
		k += w;
		i += step;
	}
	out[k] = '\0';
	if (all)
		*all = i >= len;
	return k;
}

static bool date_exists(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Reads exactly n digits at *p. */
static bool read_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

bool date_parse_iso(const char *s, struct date *out)
{
	struct date d;
	const char *p = s;
	if (!s || !read_digits(&p, 4, &d.y) || *p++ != '-' || !read_digits(&p, 2, &d.m) ||
	    *p++ != '-' || !read_digits(&p, 2, &d.d) || *p)
		return false;
	if (!date_exists(d.y, d.m, d.d))
		return false;
	if (out)
		*out = d;
	return true;
}

bool date_parse(const char *s, struct date *out)
{
	if (!s)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	char tmp[32];
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= sizeof tmp)
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (date_parse_iso(tmp, out))
		return true;
	/* D.M.YYYY with one- or two-digit day and month */
	struct date d = {0, 0, 0};
	const char *p = tmp;
	int part[3] = {0, 0, 0};
	for (int k = 0; k < 3; k++) {
		int digits = 0, v = 0;
		while (*p >= '0' && *p <= '9' && digits < 4) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		if (digits == 0 || (k < 2 && digits > 2) || (k == 2 && digits != 4))
			return false;
		part[k] = v;
		if (k < 2 && *p++ != '.')
			return false;
	}
	if (*p)
		return false;
	d.d = part[0];
	d.m = part[1];
	d.y = part[2];
	if (!date_exists(d.y, d.m, d.d))
		return false;
	if (out)
		*out = d;
	return true;
}

void date_iso(const struct date *d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->y % 10000u, (unsigned)d->m % 100u,
		 (unsigned)d->d % 100u);
}

void date_german(const struct date *d, char out[11])
{
	snprintf(out, 11, "%02u.%02u.%04u", (unsigned)d->d % 100u, (unsigned)d->m % 100u,
		 (unsigned)d->y % 10000u);
}

long date_days(const struct date *d)
{
	/* days from civil (Howard Hinnant's algorithm) */
	int y = d->y - (d->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (d->m + (d->m > 2 ? -3 : 9)) + 2) / 5 + d->d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

void date_today(struct date *out)
{
	/* Tests and demonstrations pin the calendar: the findings that look at
	 * due dates must never depend on the day a test runs. */
	const char *pin = getenv("STETIG_TODAY");
	if (pin && *pin && date_parse_iso(pin, out))
		return;
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
}

bool num_parse(const char *s, double *out)
{
	if (!s)
		return false;
	char tmp[64];
	size_t n = 0;
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	bool digits = false, mark = false;
	if (*p == '-' || *p == '+')
		tmp[n++] = *p++;
	for (; *p && n < sizeof tmp - 1; p++) {
		if (*p >= '0' && *p <= '9') {
			digits = true;
			tmp[n++] = *p;
		} else if ((*p == '.' || *p == ',') && !mark) {
			mark = true;
			tmp[n++] = '.';
		} else {
			break;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p || !digits)
		return false;
	tmp[n] = '\0';
	/* strtod follows LC_NUMERIC, which the program keeps at "C". */
	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return false;
	if (out)
		*out = v == 0 ? 0 : v; /* no negative zero */
	return true;
}

void num_format(double v, bool comma, char out[64])
{
	if (v == 0)
		v = 0; /* -0 prints as 0 */
	if (fabs(v) < 1e15) {
		snprintf(out, 64, "%.15g", v);
		if (strchr(out, 'e')) /* tiny values */
			snprintf(out, 64, "%.6f", v);
		if (strchr(out, '.')) {
			size_t n = strlen(out);
			while (n && out[n - 1] == '0')
				out[--n] = '\0';
			if (n && out[n - 1] == '.')
				out[--n] = '\0';
		}
		if (!strcmp(out, "-0"))
			strcpy(out, "0");
	} else {
		snprintf(out, 64, "%.0f", v);
	}
	if (comma) {
		char *dot = strchr(out, '.');
		if (dot)
			*dot = ',';
	}
}

bool int_parse(const char *s, long lo, long hi, long *out)
{
	if (!s)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return false;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end || errno == ERANGE || v < lo || v > hi)
		return false;
	if (out)
		*out = v;
	return true;
}

/* A blank that may surround a number (p before end); *len gets its bytes. */
static bool num_blank(const char *p, const char *end, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(p, (size_t)(end - p), &cp);
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009;
}

/* A space-like thousands mark (space, no-break, narrow no-break, thin);
 * *cp and *len get it. */
static bool num_space_mark(const char *p, const char *end, uint32_t *cp, size_t *len)
{
	*len = utf8_decode(p, (size_t)(end - p), cp);
	return *cp == ' ' || *cp == 0xA0 || *cp == 0x202F || *cp == 0x2009;
}

enum err num_parse_lang(const char *s, enum lang lang, double *out)
{
	if (!s)
		return ERR_NUM_EMPTY;
	const char group = lang == LANG_DE ? '.' : ',';
	const char decimal = lang == LANG_DE ? ',' : '.';
	size_t bl;
	const char *p = s, *end = s + strlen(s);
	/* without the blanks around it */
	while (p < end && num_blank(p, end, &bl))
		p += bl;
	const char *last = p;
	for (const char *q = p; q < end; q += bl)
		if (!num_blank(q, end, &bl))
			last = q + bl;
	end = last;
	if (p == end)
		return ERR_NUM_EMPTY;

	char tmp[48];
	size_t n = 0;
	if (*p == '-' || *p == '+') {
		if (*p == '-')
			tmp[n++] = '-';
		p++;
	} else if (end - p >= 3 && !memcmp(p, "\xE2\x88\x92", 3)) { /* U+2212 minus */
		tmp[n++] = '-';
		p += 3;
	}
	int digits = 0, significant = 0;
	int cur = 0;		  /* digits since the last mark */
	int groups = 0;		  /* thousands marks seen */
	uint32_t mark = 0;	  /* the thousands mark in use */
	bool first_zero = false;  /* the first digit before any mark is 0 */
	bool dec = false;
	int frac = 0;
	while (p < end) {
		uint32_t cp = 0;
		size_t len = 0;
		if (*p >= '0' && *p <= '9') {
			if (digits == 0 && !dec)
				first_zero = *p == '0';
			if (significant || *p != '0')
				significant++;
			digits++;
			if (dec)
				frac++;
			else
				cur++;
			if (significant > 15)
				return ERR_NUM_RANGE;
			if (n < sizeof tmp - 2)
				tmp[n++] = *p;
			p++;
		} else if (*p == decimal) {
			if (dec)
				return ERR_NUM_DECIMAL;
			if (groups && cur != 3)
				return ERR_NUM_GROUP;
			dec = true;
			tmp[n++] = '.';
			p++;
		} else if (*p == group || num_space_mark(p, end, &cp, &len)) {
			uint32_t m = *p == group ? (uint32_t)group : cp;
			size_t ml = *p == group ? 1 : len;
			/* a blank that is no thousands mark: "18500 €", "- 5" */
			if (m != (uint32_t)group && (cur == 0 || p[ml] < '0' || p[ml] > '9'))
				return ERR_NUM_JUNK;
			if (dec)
				return ERR_NUM_ORDER;
			if (groups ? (cur != 3 || m != mark) : (cur < 1 || cur > 3 || first_zero))
				return ERR_NUM_GROUP;
			mark = m;
			groups++;
			cur = 0;
			p += ml;
		} else {
			return ERR_NUM_JUNK;
		}
	}
	if (!digits)
		return ERR_NUM_JUNK;
	if (dec && frac == 0)
		return ERR_NUM_DECIMAL;
	if (groups && !dec && cur != 3)
		return ERR_NUM_GROUP;
	tmp[n] = '\0';
	/* strtod follows LC_NUMERIC, which the program keeps at "C" */
	errno = 0;
	char *e;
	double v = strtod(tmp, &e);
	if (*e || errno == ERANGE || !isfinite(v) || !(fabs(v) < 1e15))
		return ERR_NUM_RANGE;
	if (out)
		*out = v == 0 ? 0 : v; /* no negative zero */
	return ERR_OK;
}

void num_format_lang(double v, enum lang lang, char out[64])
{
	bool de = lang == LANG_DE;
	if (v == 0 || !isfinite(v) || !(fabs(v) < 1e15)) {
		num_format(v, de, out);
		return;
	}
	/* 15 significant digits, fixed point (no exponent) */
	char plain[64];
	int mag = (int)floor(log10(fabs(v)));
	int decimals = 14 - mag;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 30)
		decimals = 30;
	snprintf(plain, sizeof plain, "%.*f", decimals, fabs(v));
	char *dot = strchr(plain, '.');
	if (dot) {
		size_t k = strlen(plain);
		while (k && plain[k - 1] == '0')
			plain[--k] = '\0';
		if (plain[k - 1] == '.')
			plain[--k] = '\0';
	}
	dot = strchr(plain, '.');
	size_t whole = dot ? (size_t)(dot - plain) : strlen(plain);
	bool zero = !strcmp(plain, "0");
	size_t k = 0;
	if (v < 0 && !zero)
		out[k++] = '-';
	for (size_t i = 0; i < whole; i++) {
		if (i && (whole - i) % 3 == 0)
			out[k++] = de ? '.' : ',';
		out[k++] = plain[i];
	}
	if (dot) {
		out[k++] = de ? ',' : '.';
		for (const char *q = dot + 1; *q && k < 63; q++)
			out[k++] = *q;
	}
	out[k] = '\0';
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
	char *dirc = xstrdup(path);
	char *dir = dirname(dirc);
	size_t tn = strlen(path) + 16;
	char *tmp = xmalloc(tn);
	snprintf(tmp, tn, "%s.XXXXXX", path);
	int err = 0;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		goto out;
	}
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	/* mkstemp makes 0600; exports are ordinary files */
	if (!err) {
		mode_t um = umask(0);
		umask(um);
		if (chmod(tmp, 0666 & ~um) != 0)
			err = errno;
	}
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
	} else {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
out:
	free(tmp);
	free(dirc);
	return err;
}

int file_read_all(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	struct buf b;
	buf_init(&b);
	char chunk[65536];
	size_t n;
	int err = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			err = EFBIG;
			break;
		}
		buf_add(&b, chunk, n);
	}
	if (!err && ferror(f))
		err = EIO;
	fclose(f);
	if (err) {
		buf_free(&b);
		return err;
	}
	*len = b.len;
	*out = buf_steal(&b);
	return 0;
}

/* ------------------------------------------------------------ staged folders */

/* name is one of the NULL-terminated names. */
static bool name_in(const char *name, const char *const *names)
{
	for (size_t i = 0; names && names[i]; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* 0 when path is missing or a folder holding nothing but regular files
 * called one of names; ELOOP for a symbolic link, ENOTDIR for anything
 * else that is not a folder, ENOTEMPTY for a folder with other entries. */
static int check_target(const char *path, const char *const *names, bool *exists,
			char stranger[256])
{
	struct stat st;
	*exists = false;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : errno;
	*exists = true;
	if (S_ISLNK(st.st_mode))
		return ELOOP;
	if (!S_ISDIR(st.st_mode))
		return ENOTDIR;
	DIR *d = opendir(path);
	if (!d)
		return errno;
	int e = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		struct stat est;
		if (!name_in(de->d_name, names) ||
		    fstatat(dirfd(d), de->d_name, &est, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(est.st_mode)) {
			e = ENOTEMPTY;
			snprintf(stranger, 256, "%s", de->d_name);
			break;
		}
	}
	closedir(d);
	return e;
}

/* path without trailing slashes (but "/" stays). */
static char *strip_slashes(const char *path)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	return p;
}

int stage_begin(struct dir_stage *st, const char *target, const char *const *names)
{
	memset(st, 0, sizeof *st);
	st->stranger[0] = '\0';
	st->dfd = -1;
	st->target = strip_slashes(target);
	st->names = names;
	bool exists;
	int e = check_target(st->target, names, &exists, st->stranger);
	if (e)
		goto fail;
	char *copy = xstrdup(st->target);
	char *base = basename(copy);
	char *copy2 = xstrdup(st->target);
	char *dir = dirname(copy2);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/.%s.tmp-XXXXXX", dir, base);
	free(copy);
	free(copy2);
	if (!mkdtemp(b.data)) {
		e = errno;
		buf_free(&b);
		goto fail;
	}
	st->tmp = buf_steal(&b);
	st->dfd = open(st->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->dfd < 0) {
		e = errno;
		rmdir(st->tmp);
		goto fail;
	}
	return 0;
fail:
	free(st->tmp);
	free(st->target);
	st->tmp = st->target = NULL;
	st->dfd = -1;
	return e;
}

/* Writes all of data to fd; 0 or errno. */
static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int stage_write(struct dir_stage *st, const char *name, const void *data, size_t len)
{
	if (st->dfd < 0)
		return EBADF;
	int fd = openat(st->dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			0666);
	if (fd < 0)
		return errno;
	int e = write_all(fd, data, len);
	if (!e && fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	return e;
}

/* Removes the entries names of the folder at path (as far as they are
 * there), then the folder. */
static void remove_folder(const char *path, const char *const *names)
{
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd >= 0) {
		for (size_t i = 0; names && names[i]; i++)
			unlinkat(dfd, names[i], 0);
		close(dfd);
	}
	rmdir(path);
}

static void sync_parent(const char *path)
{
	char *copy = xstrdup(path);
	int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(copy);
}

int stage_commit(struct dir_stage *st)
{
	if (st->dfd < 0)
		return EBADF;
	mode_t um = umask(0);
	umask(um);
	int e = 0;
	if (fchmod(st->dfd, 0777 & ~um) != 0 || fsync(st->dfd) != 0)
		e = errno;
	close(st->dfd);
	st->dfd = -1;
	bool exists;
	if (!e)
		e = check_target(st->target, st->names, &exists, st->stranger);
	if (!e && !exists) {
		if (rename(st->tmp, st->target) == 0)
			goto done;
		if (errno != EEXIST && errno != ENOTEMPTY) {
			e = errno;
		} else {
			e = check_target(st->target, st->names, &exists, st->stranger);
		}
	}
	if (e)
		goto fail;
	/* the old bundle and the new one change places in one step */
	if (renameat2(AT_FDCWD, st->tmp, AT_FDCWD, st->target, RENAME_EXCHANGE) != 0) {
		if (errno != EINVAL && errno != ENOSYS) {
			e = errno;
			goto fail;
		}
		/* a file system without the exchange: move the old folder aside
		 * first, so its name is never a mix of both */
		struct buf old;
		buf_init(&old);
		buf_printf(&old, "%s.old", st->tmp);
		if (rename(st->target, old.data) != 0) {
			e = errno;
			buf_free(&old);
			goto fail;
		}
		if (rename(st->tmp, st->target) != 0) {
			e = errno;
			if (rename(old.data, st->target) != 0) {
				/* the old bundle stays under the aside name */
			}
			buf_free(&old);
			goto fail;
		}
		remove_folder(old.data, st->names);
		buf_free(&old);
	} else {
		/* st->tmp now holds the old bundle */
		remove_folder(st->tmp, st->names);
	}
done:
	sync_parent(st->target);
	free(st->tmp);
	free(st->target);
	memset(st, 0, sizeof *st);
	st->dfd = -1;
	return 0;
fail:
	stage_abort(st);
	return e;
}

void stage_abort(struct dir_stage *st)
{
	if (st->dfd >= 0)
		close(st->dfd);
	if (st->tmp)
		remove_folder(st->tmp, st->names);
	free(st->tmp);
	free(st->target);
	memset(st, 0, sizeof *st);
	st->dfd = -1;
}
