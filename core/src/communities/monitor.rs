//! Scorecards by community: a monitor given a registry's communities.

use std::sync::Arc;

use super::Communities;
use crate::error::{Error, Result};
use crate::targets::Monitor;

impl Monitor {
    /// The same monitor with another community registry, for scorecards by community.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if the registry checks against another catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{communities::Communities, targets::Monitor};
    ///
    /// let ctx = zhengce::Context::builtin();
    /// let monitor = Monitor::new(&ctx).with_communities(Communities::new(&ctx))?;
    /// assert!(monitor.communities().is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn with_communities(self, communities: Communities) -> Result<Monitor> {
        let same = Arc::ptr_eq(&communities.context().catalogue_shared(), &self.context().catalogue_shared())
            || communities.catalogue().data() == self.catalogue().data();
        if !same {
            return Err(Error::invalid_input(
                "communities",
                "a registry of another catalogue",
                "a registry built on the monitor's catalogue",
            ));
        }
        Ok(self.with_community_list(communities.all().to_vec()))
    }
}
