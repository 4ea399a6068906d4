// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the patch/mail parser (src/diff.c patch_parse()):
 * every input is hostile mail text.  `make fuzz` builds it with clang's
 * -fsanitize=fuzzer,address,undefined and runs it from fuzz/corpus/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/cpuidcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct patch_info pi;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&pi, 0, sizeof(pi));
	patch_parse(text, size, &pi);
	patch_info_free(&pi);
	free(text);
	return 0;
}
