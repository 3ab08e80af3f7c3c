//! The plan: the collection flattened into the ordered list of requests a
//! run executes (depth-first, document order), each with what it inherits
//! from its folders and the collection: scripts, auth and
//! `protocolProfileBehavior`.

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::collection::{Auth, Collection, Event, Folder, Item, Listen, RequestItem, Script};
use crate::error::Error;

/// One request of the plan with everything it inherits.
#[derive(Debug)]
pub struct RunItem {
    /// Position in the plan (0-based).
    pub index: usize,
    pub item: Arc<RequestItem>,
    /// Ancestor folders, outermost first.
    pub folders: Vec<Arc<Folder>>,
    /// `Folder / Sub / Request`.
    pub full_name: String,
    /// `Folder / Sub`, or `None` for an item at the root.
    pub group_name: Option<String>,
    /// Identity of the parent group, to tell when the folder changes.
    pub group_id: Option<String>,
    pub prerequest: Vec<Arc<Script>>,
    pub test: Vec<Arc<Script>>,
    /// Effective auth after inheritance (`None`: no auth).
    pub auth: Option<Auth>,
    /// Merged `protocolProfileBehavior`, nearest level winning.
    pub ppb: Map<String, Value>,
}

fn scripts(events: &[&[Event]], listen: Listen) -> Vec<Arc<Script>> {
    events
        .iter()
        .flat_map(|list| list.iter())
        .filter(|e| e.listen == listen && !e.disabled)
        .map(|e| e.script.clone())
        .collect()
}

fn make(
    collection: &Collection,
    folders: &[Arc<Folder>],
    item: &Arc<RequestItem>,
    index: usize,
) -> RunItem {
    let mut events: Vec<&[Event]> = vec![&collection.events];
    events.extend(folders.iter().map(|f| f.events.as_slice()));
    events.push(&item.events);

    let mut chain: Vec<Option<&Auth>> = vec![item.request.auth.as_ref()];
    chain.extend(folders.iter().rev().map(|f| f.auth.as_ref()));
    chain.push(collection.auth.as_ref());
    let auth = crate::auth::effective(chain).cloned();

    let mut ppb = collection.protocol_profile_behavior.clone();
    for f in folders {
        for (k, v) in &f.protocol_profile_behavior {
            ppb.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in &item.protocol_profile_behavior {
        ppb.insert(k.clone(), v.clone());
    }

    let names: Vec<&str> = folders
        .iter()
        .map(|f| display_name(&f.name, &f.id))
        .collect();
    let group_name = if names.is_empty() {
        None
    } else {
        Some(names.join(" / "))
    };
    let mut full = names.clone();
    full.push(display_name(&item.name, &item.id));
    RunItem {
        index,
        item: item.clone(),
        group_id: folders.last().map(|f| f.id.clone()),
        folders: folders.to_vec(),
        full_name: full.join(" / "),
        group_name,
        prerequest: scripts(&events, Listen::PreRequest),
        test: scripts(&events, Listen::Test),
        auth,
        ppb,
    }
}

fn display_name<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.is_empty() {
        id
    } else {
        name
    }
}

fn flatten(
    collection: &Collection,
    items: &[Item],
    parents: &mut Vec<Arc<Folder>>,
    out: &mut Vec<RunItem>,
) {
    for it in items {
        match it {
            Item::Request(r) => {
                let idx = out.len();
                out.push(make(collection, parents, r, idx));
            }
            Item::Folder(f) => {
                parents.push(f.clone());
                flatten(collection, &f.items, parents, out);
                parents.pop();
            }
        }
    }
}

/// Where a `--folder` value was found: the path of folders leading to it and
/// the item itself.
struct Found {
    parents: Vec<Arc<Folder>>,
    item: Item,
}

/// Breadth-first search (direct children first), as Newman's `idOrName` lookup.
fn find(items: &[Item], wanted: &str) -> Option<Found> {
    let mut queue: std::collections::VecDeque<(Vec<Arc<Folder>>, &[Item])> =
        std::collections::VecDeque::new();
    queue.push_back((Vec::new(), items));
    while let Some((parents, list)) = queue.pop_front() {
        for it in list {
            if it.id() == wanted || it.name() == wanted {
                return Some(Found {
                    parents: parents.clone(),
                    item: it.clone(),
                });
            }
        }
        for it in list {
            if let Item::Folder(f) = it {
                let mut p = parents.clone();
                p.push(f.clone());
                queue.push_back((p, &f.items));
            }
        }
    }
    None
}

/// `--shard I/N`: keep the part of the plan that shard `index` (1-based) of
/// `count` runs. The units are the top-level entries of the collection (a
/// folder with everything in it, or a request at the root); when there are
/// fewer units than shards, every request is a unit. Units go, largest
/// first, to the shard with the fewest requests so far (ties to the lowest
/// shard), so every machine computes the same split; items keep collection
/// order within a shard.
pub fn shard(items: Vec<Arc<RunItem>>, index: usize, count: usize) -> Vec<Arc<RunItem>> {
    if count <= 1 || items.is_empty() {
        return items;
    }
    // Unit of each item: its top-level folder, or itself at the root.
    let mut unit_of: Vec<usize> = Vec::with_capacity(items.len());
    let mut keys: Vec<String> = Vec::new();
    for it in &items {
        let key = it
            .folders
            .first()
            .map(|f| format!("folder:{}", f.id))
            .unwrap_or_else(|| format!("item:{}", it.index));
        let u = match keys.iter().position(|k| *k == key) {
            Some(u) => u,
            None => {
                keys.push(key);
                keys.len() - 1
            }
        };
        unit_of.push(u);
    }
    if keys.len() < count {
        unit_of = (0..items.len()).collect();
        keys = (0..items.len()).map(|i| i.to_string()).collect();
    }
    let mut sizes: Vec<(usize, usize)> = (0..keys.len())
        .map(|u| (u, unit_of.iter().filter(|&&x| x == u).count()))
        .collect();
    sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut load = vec![0usize; count];
    let mut shard_of = vec![0usize; keys.len()];
    for (u, size) in sizes {
        let (s, _) = load
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)))
            .unwrap_or((0, &0));
        shard_of[u] = s;
        load[s] += size;
    }
    let wanted = index.saturating_sub(1);
    items
        .into_iter()
        .zip(unit_of)
        .filter(|(_, u)| shard_of[*u] == wanted)
        .enumerate()
        .map(|(i, (it, _))| {
            let mut ri = RunItem {
                index: i,
                item: it.item.clone(),
                folders: it.folders.clone(),
                full_name: it.full_name.clone(),
                group_name: it.group_name.clone(),
                group_id: it.group_id.clone(),
                prerequest: it.prerequest.clone(),
                test: it.test.clone(),
                auth: it.auth.clone(),
                ppb: it.ppb.clone(),
            };
            ri.index = i;
            Arc::new(ri)
        })
        .collect()
}

/// Build the plan for a run, honouring `--folder` (repeatable).
pub fn plan(collection: &Collection, folders: &[String]) -> Result<Vec<Arc<RunItem>>, Error> {
    let mut out = Vec::new();
    if folders.is_empty() {
        flatten(collection, &collection.items, &mut Vec::new(), &mut out);
        return Ok(out.into_iter().map(Arc::new).collect());
    }
    // Flatten everything, then keep the requests under any selected entry,
    // in collection order, each once.
    let mut all = Vec::new();
    flatten(collection, &collection.items, &mut Vec::new(), &mut all);
    let mut selected_ids: Vec<String> = Vec::new();
    for wanted in folders {
        let Some(found) = find(&collection.items, wanted) else {
            return Err(Error::Run(if folders.len() == 1 {
                format!("runtime~extractRunnableItems: Unable to find a folder or request: \"{wanted}\"")
            } else {
                "runtime~extractRunnableItems: Invalid entrypoint".to_string()
            }));
        };
        let _ = found.parents;
        selected_ids.push(found.item.id().to_string());
    }
    let kept: Vec<RunItem> = all
        .into_iter()
        .filter(|ri| {
            selected_ids
                .iter()
                .any(|id| ri.item.id == *id || ri.folders.iter().any(|f| f.id == *id))
        })
        .collect();
    Ok(kept
        .into_iter()
        .enumerate()
        .map(|(i, mut ri)| {
            ri.index = i;
            Arc::new(ri)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::parse;

    fn collection() -> Collection {
        let doc = serde_json::json!({
            "info": {"name": "s", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": [
                {"name": "A", "item": [{"name": "a1", "request": "http://x/a1"}, {"name": "a2", "request": "http://x/a2"}, {"name": "a3", "request": "http://x/a3"}]},
                {"name": "B", "item": [{"name": "b1", "request": "http://x/b1"}]},
                {"name": "r1", "request": "http://x/r1"},
                {"name": "C", "item": [{"name": "c1", "request": "http://x/c1"}, {"name": "c2", "request": "http://x/c2"}]}
            ]
        });
        match parse::collection(doc) {
            Ok(c) => c,
            Err(e) => panic!("{}: {}", e.path, e.message),
        }
    }

    fn names(items: &[Arc<RunItem>]) -> Vec<String> {
        items.iter().map(|i| i.item.name.clone()).collect()
    }

    #[test]
    fn shards_partition_the_plan_by_top_level_folder() {
        let c = collection();
        let all = plan(&c, &[]).unwrap_or_default();
        let parts: Vec<Vec<String>> = (1..=2).map(|i| names(&shard(all.clone(), i, 2))).collect();
        // Largest first to the lighter shard: A (3) → 1, C (2) → 2, B (1) → 2,
        // then r1 (1) to the lower of two equal shards → 1.
        assert_eq!(parts[0], vec!["a1", "a2", "a3", "r1"]);
        assert_eq!(parts[1], vec!["b1", "c1", "c2"]);
        let mut union: Vec<String> = parts.concat();
        union.sort();
        let mut every = names(&all);
        every.sort();
        assert_eq!(union, every, "every request runs in exactly one shard");
    }

    #[test]
    fn more_shards_than_folders_split_by_request() {
        let c = collection();
        let all = plan(&c, &[]).unwrap_or_default();
        let parts: Vec<Vec<String>> = (1..=5).map(|i| names(&shard(all.clone(), i, 5))).collect();
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), 7);
        assert!(parts.iter().all(|p| !p.is_empty()));
    }
}
