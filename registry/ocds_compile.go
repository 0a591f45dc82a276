package registry

import "sort"

// compileReleases merges the releases of one contracting process, oldest first, into a
// compiled release as the OCDS merge routine does: objects merge field by field, arrays of
// objects with an "id" merge by id, any other value is replaced by the later one.
func compileReleases(releases []map[string]any) map[string]any {
	sort.SliceStable(releases, func(i, j int) bool {
		a, _ := releases[i]["date"].(string)
		b, _ := releases[j]["date"].(string)
		return a < b
	})
	out := map[string]any{}
	for _, r := range releases {
		mergeObject(out, r)
	}
	return out
}

// mergeObject merges src into dst.
func mergeObject(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = mergeValue(dst[k], v)
	}
}

// mergeValue merges a later value into an earlier one.
func mergeValue(old, v any) any {
	switch nv := v.(type) {
	case map[string]any:
		if om, ok := old.(map[string]any); ok {
			mergeObject(om, nv)
			return om
		}
		cp := map[string]any{}
		mergeObject(cp, nv)
		return cp
	case []any:
		oa, ok := old.([]any)
		if !ok || !identified(nv) || !identified(oa) {
			return nv
		}
		byID := map[any]int{}
		for i, x := range oa {
			byID[x.(map[string]any)["id"]] = i
		}
		for _, x := range nv {
			m := x.(map[string]any)
			if i, ok := byID[m["id"]]; ok {
				mergeObject(oa[i].(map[string]any), m)
			} else {
				cp := map[string]any{}
				mergeObject(cp, m)
				byID[m["id"]] = len(oa)
				oa = append(oa, cp)
			}
		}
		return oa
	}
	return v
}

// identified reports whether every element is an object with an id.
func identified(a []any) bool {
	for _, x := range a {
		m, ok := x.(map[string]any)
		if !ok {
			return false
		}
		if _, ok := m["id"]; !ok {
			return false
		}
	}
	return true
}
