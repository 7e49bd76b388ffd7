/* util.c — small helpers shared by the core. */
#include "config.h"
#include "util.h"

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

static void out_of_memory(void)
{
	static const char msg[] = "stetig: out of memory\n";
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

bool utf8_valid(const char *str, size_t len, size_t *bad_off)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;
		if (c == 0)
			goto bad;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		if (i + n >= len)
			goto bad;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += n + 1;
	}
	return true;
bad:
	if (bad_off)
		*bad_off = i;
	return false;
}

size_t utf8_encode(uint32_t c, char out[4])
{
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		c = 0xFFFD;
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

char *str_printable(const char *s)
{
	struct buf b;
	buf_init(&b);
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)u);
	size_t i = 0;
	while (i < len) {
		size_t n = u[i] < 0x80 ? 1 : u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : 2;
		bool bad = i + n > len || !utf8_valid((const char *)u + i, n, NULL);
		bool ctl = !bad && ((n == 1 && (u[i] < 0x20 || u[i] == 0x7F)) ||
				    (n == 2 && u[i] == 0xC2 && u[i + 1] <= 0x9F));
		if (bad || ctl) {
			buf_adds(&b, "\xEF\xBF\xBD"); /* U+FFFD */
			i += bad ? 1 : n;
		} else {
			buf_add(&b, u + i, n);
			i += n;
		}
	}
	return buf_steal(&b);
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

size_t utf8_prefix(const char *s, size_t max_chars)
{
	size_t i = 0, chars = 0;
	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (chars == max_chars)
				break;
			chars++;
		}
		i++;
	}
	return i;
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
