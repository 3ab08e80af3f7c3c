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
