//! stub
pub struct Change; pub struct ImportError; pub struct Plan; pub fn plan() {}
