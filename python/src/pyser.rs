//! A serde serializer that builds Python objects directly: the same values
//! `json.loads(serde_json::to_string(x))` would give, without writing and
//! parsing the JSON text (which took a fifth of `Coder.code`'s time).
//!
//! The shape comes from the types' own `Serialize` impls (the ones the CLI's
//! `--format jsonl` uses), so there is still one definition of a record;
//! only the value mapping mirrors serde_json's: structs and maps become
//! dicts (keys interned), sequences and tuples lists, `None` and unit
//! `None`, unit variants their names, other variants `{name: value}`,
//! non-finite floats `None`, and an `f32` the float its shortest decimal
//! form denotes (serde_json prints `0.8_f32` as `0.8`, not
//! `0.800000011920929`). Tests compare `code()` with the CLI's output.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};

/// A serialization failure (a Python error, or a value serde_json refuses).
#[derive(Debug)]
pub struct SerError(pub String);

impl Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e.to_string())
    }
}

impl From<std::convert::Infallible> for SerError {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// Interned field names, by the address of their `&'static str`.
pub struct Keys<'py> {
    py: Python<'py>,
    cache: RefCell<HashMap<(usize, usize), Bound<'py, PyString>>>,
}

impl<'py> Keys<'py> {
    /// An empty cache.
    pub fn new(py: Python<'py>) -> Keys<'py> {
        Keys {
            py,
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn get(&self, key: &'static str) -> Bound<'py, PyString> {
        let id = (key.as_ptr() as usize, key.len());
        self.cache
            .borrow_mut()
            .entry(id)
            .or_insert_with(|| PyString::intern(self.py, key))
            .clone()
    }

    /// `value` as a Python object.
    pub fn to_py<T: Serialize + ?Sized>(&self, value: &T) -> Result<Bound<'py, PyAny>, SerError> {
        value.serialize(Ser { keys: self })
    }
}

/// The serializer (cheap to copy: a reference to the key cache).
#[derive(Clone, Copy)]
struct Ser<'a, 'py> {
    keys: &'a Keys<'py>,
}

type Out<'py> = Result<Bound<'py, PyAny>, SerError>;

impl<'a, 'py> Ser<'a, 'py> {
    fn py(&self) -> Python<'py> {
        self.keys.py
    }

    fn float(&self, v: f64) -> Out<'py> {
        Ok(if v.is_finite() {
            v.into_pyobject(self.py())?.into_any()
        } else {
            self.py().None().into_bound(self.py())
        })
    }

    fn wrap(&self, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
        let dict = PyDict::new(self.py());
        dict.set_item(self.keys.get(variant), value)?;
        Ok(dict.into_any())
    }
}

/// Sequences, tuples and tuple variants.
struct SeqSer<'a, 'py> {
    ser: Ser<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// Maps, structs and struct variants.
struct MapSer<'a, 'py> {
    ser: Ser<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'py> SeqSer<'a, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.ser.py(), self.items)?.into_any();
        match self.variant {
            Some(v) => self.ser.wrap(v, list),
            None => Ok(list),
        }
    }
}

impl<'a, 'py> MapSer<'a, 'py> {
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.dict
            .set_item(self.ser.keys.get(key), value.serialize(self.ser)?)?;
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(v) => self.ser.wrap(v, dict),
            None => Ok(dict),
        }
    }
}

macro_rules! ints {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, v: $t) -> Out<'py> {
            Ok(v.into_pyobject(self.py())?.into_any())
        })*
    };
}

impl<'a, 'py> ser::Serializer for Ser<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = SeqSer<'a, 'py>;
    type SerializeTuple = SeqSer<'a, 'py>;
    type SerializeTupleStruct = SeqSer<'a, 'py>;
    type SerializeTupleVariant = SeqSer<'a, 'py>;
    type SerializeMap = MapSer<'a, 'py>;
    type SerializeStruct = MapSer<'a, 'py>;
    type SerializeStructVariant = MapSer<'a, 'py>;

    ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
          serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
          serialize_i128: i128, serialize_u128: u128);

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(pyo3::types::PyBool::new(self.py(), v).to_owned().into_any())
    }

    fn serialize_f32(self, v: f32) -> Out<'py> {
        // serde_json prints the shortest decimal that reads back as this
        // f32; Python's json reads that decimal as an f64.
        let shortest: f64 = v.to_string().parse().unwrap_or(f64::from(v));
        self.float(shortest)
    }

    fn serialize_f64(self, v: f64) -> Out<'py> {
        self.float(v)
    }

    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0u8; 4]))
    }

    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py(), v).into_any())
    }

    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        let items: Vec<u8> = v.to_vec();
        Ok(PyList::new(self.py(), items)?.into_any())
    }

    fn serialize_none(self) -> Out<'py> {
        Ok(self.py().None().into_bound(self.py()))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.keys.get(variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let inner = value.serialize(self)?;
        self.wrap(variant, inner)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer<'a, 'py>, SerError> {
        Ok(SeqSer {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<SeqSer<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqSer<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqSer<'a, 'py>, SerError> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<MapSer<'a, 'py>, SerError> {
        Ok(MapSer {
            ser: self,
            dict: PyDict::new(self.py()),
            key: None,
            variant: None,
        })
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<MapSer<'a, 'py>, SerError> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<MapSer<'a, 'py>, SerError> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

impl<'a, 'py> ser::SerializeSeq for SeqSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeTuple for SeqSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeTupleStruct for SeqSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeTupleVariant for SeqSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeMap for MapSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        // serde_json writes every map key as a string
        let key = match serde_json::to_value(key).map_err(|e| SerError(e.to_string()))? {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        self.key = Some(PyString::new(self.ser.py(), &key).into_any());
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| SerError("a map value without its key".into()))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeStruct for MapSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'a, 'py> ser::SerializeStructVariant for MapSer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
