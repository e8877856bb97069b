//! stub
use super::*;
pub fn write(_: &Exchange) -> String { String::new() }
pub fn read(_: &str, _: &str) -> Result<Sent, ReadError> { todo!() }
