// SPDX-License-Identifier: GPL-2.0
/*
 * bar_rw: read and write a PCI BAR through a sysfs resource file, for the
 * VMM test (vmm/vfio_guest.sh). The guest runs it on resourceN (Device) and
 * resourceN_wc (write-combining); the host runs it on its own resourceN of
 * the same device to check what the guest wrote.
 *
 *   bar_rw fill   FILE OFFSET LENGTH SEED    write a pattern, read it back
 *   bar_rw verify FILE OFFSET LENGTH SEED    check the pattern is there
 *   bar_rw read32 FILE OFFSET                print a 32-bit register
 *   bar_rw write32 FILE OFFSET VALUE         write a 32-bit register
 *   bar_rw wait32 FILE OFFSET VALUE SECONDS  poll until the register reads VALUE
 *
 * "fill" writes the first half of the range with aligned 64-bit stores and
 * the second half with a byte-wise copy that starts at an odd address, as
 * memcpy() to a write-combining buffer does. Both are legal on Normal-NC
 * memory; the unaligned half faults on a guest whose stage 2 forces Device
 * memory on real hardware (QEMU's TCG does not check alignment there).
 * Exit status: 0 when every byte matched, 1 on a mismatch, 2 on bad usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static uint8_t pattern(uint64_t seed, uint64_t i)
{
	uint64_t x = (seed + 1) * 0x9e3779b97f4a7c15ull + i * 0xbf58476d1ce4e5b9ull;

	x ^= x >> 29;
	return (uint8_t)(x ^ (x >> 8));
}

static volatile uint8_t *map_bar(const char *file, uint64_t off, uint64_t len,
				 void **base, size_t *maplen)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint64_t start = off & ~(uint64_t)(pg - 1);
	int fd = open(file, O_RDWR | O_SYNC);

	if (fd < 0) {
		fprintf(stderr, "bar_rw: open %s: %s\n", file, strerror(errno));
		exit(2);
	}
	*maplen = off + len - start;
	*base = mmap(NULL, *maplen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, start);
	if (*base == MAP_FAILED) {
		fprintf(stderr, "bar_rw: mmap %s at 0x%llx: %s\n", file,
			(unsigned long long)start, strerror(errno));
		exit(2);
	}
	close(fd);
	return (volatile uint8_t *)*base + (off - start);
}

static int verify(volatile uint8_t *p, uint64_t len, uint64_t seed, const char *what)
{
	uint64_t i, bad = 0, first = 0;

	for (i = 0; i < len; i++) {
		if (p[i] != pattern(seed, i)) {
			if (!bad++)
				first = i;
		}
	}
	if (bad)
		printf("bar_rw: %s: %llu of %llu bytes differ, first at +0x%llx (0x%02x, want 0x%02x)\n",
		       what, (unsigned long long)bad, (unsigned long long)len,
		       (unsigned long long)first, p[first], pattern(seed, first));
	else
		printf("bar_rw: %s: %llu bytes match\n", what, (unsigned long long)len);
	return bad ? 1 : 0;
}

static void fill(volatile uint8_t *p, uint64_t len, uint64_t seed)
{
	uint64_t half = (len / 2) & ~7ull, i, j;
	uint8_t *src = malloc(len);

	for (i = 0; i < half; i += 8) {
		uint64_t v = 0;

		for (j = 0; j < 8; j++)
			v |= (uint64_t)pattern(seed, i + j) << (8 * j);
		*(volatile uint64_t *)(p + i) = v;
	}
	/* odd source and destination: an unaligned copy, as memcpy() does */
	for (i = half; i < len; i++)
		src[i] = pattern(seed, i);
	p[half] = src[half];
	memcpy((uint8_t *)p + half + 1, src + half + 1, len - half - 1);
	__sync_synchronize();
	free(src);
}

static uint64_t num(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 0);

	if (*end == 'K')
		v <<= 10;
	else if (*end == 'M')
		v <<= 20;
	else if (*end) {
		fprintf(stderr, "bar_rw: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	volatile uint8_t *p;
	void *base;
	size_t maplen;
	int ret = 0;

	if (argc >= 6 && (!strcmp(argv[1], "fill") || !strcmp(argv[1], "verify"))) {
		uint64_t len = num(argv[4]), seed = num(argv[5]);

		p = map_bar(argv[2], num(argv[3]), len, &base, &maplen);
		if (!strcmp(argv[1], "fill"))
			fill(p, len, seed);
		ret = verify(p, len, seed, argv[1]);
	} else if (argc == 4 && !strcmp(argv[1], "read32")) {
		p = map_bar(argv[2], num(argv[3]), 4, &base, &maplen);
		printf("0x%08x\n", *(volatile uint32_t *)p);
	} else if (argc == 5 && !strcmp(argv[1], "write32")) {
		p = map_bar(argv[2], num(argv[3]), 4, &base, &maplen);
		*(volatile uint32_t *)p = (uint32_t)num(argv[4]);
	} else if (argc == 6 && !strcmp(argv[1], "wait32")) {
		uint32_t want = (uint32_t)num(argv[4]);
		time_t end = time(NULL) + (time_t)num(argv[5]);

		p = map_bar(argv[2], num(argv[3]), 4, &base, &maplen);
		while (*(volatile uint32_t *)p != want) {
			if (time(NULL) > end) {
				printf("bar_rw: timed out waiting for 0x%08x\n", want);
				return 1;
			}
			usleep(10000);
		}
	} else {
		fprintf(stderr, "usage: see the comment at the top of bar_rw.c\n");
		return 2;
	}
	munmap(base, maplen);
	return ret;
}
